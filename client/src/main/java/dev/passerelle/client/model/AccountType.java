package dev.passerelle.client.model;

/** One entry of the fixed catalogue {@code GET /account_types}: {@code checking} is 2, {@code savings} 1, … */
public record AccountType(int id, String name, Integer idParent, Boolean isInvest, String displayName,
                          String displayNameP) {
}
