package dev.passerelle.client.model;

/** An account's currency: ISO code ({@code id}), name, symbol, whether the symbol goes first, decimals. */
public record Currency(String id, String name, String symbol, Boolean prefix, Integer precision) {
}
