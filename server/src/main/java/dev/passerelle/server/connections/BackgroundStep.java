package dev.passerelle.server.connections;

import dev.passerelle.server.connections.ConnectionTimeline.Actor;
import java.io.Serializable;

/**
 * A connection step queued by a {@code background=true} request, whose lease the request already
 * took. Field values the step needs (an OTP answer, new credentials) travel sealed, never in clear.
 *
 * @param source      the source the step acts on; null for a sync of every enabled source
 * @param call        the connector call of a single-source step ({@code START}, {@code RESUME}, {@code SYNC})
 * @param sealedInput the posted field values, sealed like stored credentials; null when none
 */
public record BackgroundStep(long userId, long connectionId, String source, String call, String sealedInput,
                             boolean psuRequested, Actor actor) implements Serializable {

    @Override
    public String toString() {
        return "BackgroundStep[connection " + connectionId + (source == null ? ", sync" : ", " + call + " on " + source)
                + ", " + actor + "]"; // never the sealed input
    }
}
