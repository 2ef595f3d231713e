package dev.passerelle.runtime;

import dev.passerelle.connector.Interaction;
import dev.passerelle.connector.PsuContext;
import java.util.Set;

/**
 * Whether the end user takes part in a call, and what the server knows of their request: a strong
 * customer authentication may start only when they do (PSD2 RTS art. 10).
 *
 * @param userPresent  the user asked for the call
 * @param postedFields the names of the fields posted with this very call
 * @param psu          the user's own request (address, browser, languages), or {@code null}
 * @param interaction  the trip minted for a call that may send the user to the institution's pages, or {@code null}
 */
public record Presence(boolean userPresent, Set<String> postedFields, PsuContext psu, Interaction interaction) {

    private static final Presence ABSENT = new Presence(false, Set.of(), null, null);

    public Presence {
        postedFields = Set.copyOf(postedFields);
        if (!userPresent && (psu != null || interaction != null || !postedFields.isEmpty())) {
            throw new IllegalArgumentException("a call without the user has no request of theirs");
        }
    }

    /** A background call: the scheduler's, or a data call. */
    public static Presence absent() {
        return ABSENT;
    }

    /** The user's own request. */
    public static Presence of(PsuContext psu) {
        return new Presence(true, Set.of(), psu, null);
    }

    public Presence posting(Set<String> fields) {
        return new Presence(userPresent, fields, psu, interaction);
    }

    public Presence through(Interaction trip) {
        return new Presence(userPresent, postedFields, psu, trip);
    }
}
