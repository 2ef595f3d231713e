package dev.passerelle.server.audit;

import java.util.Locale;

/** What a change did to its key ({@code ConfigLog.type}: "add, update or delete"). */
public enum ChangeType {
    ADD, UPDATE, DELETE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
