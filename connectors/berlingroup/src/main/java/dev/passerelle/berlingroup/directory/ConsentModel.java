package dev.passerelle.berlingroup.directory;

import java.util.Locale;
import java.util.Optional;

/**
 * How the connector asks a bank for access (implementation guidelines, "Consent models"; the bank
 * tells its TPPs which it supports).
 */
public enum ConsentModel {
    /**
     * The list of available accounts first (a one-off {@code availableAccounts} consent), then, once
     * the user activated accounts, a recurring consent on exactly those accounts ("detailed consent").
     */
    DETAILED("detailed"),
    /** A recurring consent with empty account lists: the user picks the accounts on the bank's pages. */
    BANK_OFFERED("bank-offered"),
    /** A recurring consent on every PSD2 account of the user ({@code allPsd2}). */
    GLOBAL("global");

    private final String configValue;

    ConsentModel(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static Optional<ConsentModel> of(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (ConsentModel model : values()) {
            if (model.configValue.equals(wanted)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }
}
