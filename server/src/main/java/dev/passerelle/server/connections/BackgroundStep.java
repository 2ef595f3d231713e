package dev.passerelle.server.connections;

import dev.passerelle.connector.PsuContext;
import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import java.io.Serializable;

/**
 * A connection step queued by a {@code background=true} request, whose lease the request already
 * took. Field values the step needs (an OTP answer, new credentials) travel sealed, never in clear.
 *
 * @param source      the source the step acts on; null for a sync of every enabled source
 * @param call        the connector call of a single-source step ({@code START}, {@code RESUME}, {@code SYNC})
 * @param sealedInput the posted field values, sealed like stored credentials; null when none
 * @param psuAddress  the user's IP address, when they asked for the step (with their browser and languages)
 */
public record BackgroundStep(long userId, long connectionId, String source, String call, String sealedInput,
                             boolean psuRequested, Actor actor, String psuAddress, String psuAgent,
                             String psuLanguages) implements Serializable {

    /** The request of the user who asked for the step, or null. */
    PsuContext psu() {
        return psuRequested && (psuAddress != null || psuAgent != null || psuLanguages != null)
                ? new PsuContext(psuAddress, psuAgent, psuLanguages) : null;
    }

    @Override
    public String toString() {
        return "BackgroundStep[connection " + connectionId + (source == null ? ", sync" : ", " + call + " on " + source)
                + ", " + actor + "]"; // never the sealed input
    }
}
