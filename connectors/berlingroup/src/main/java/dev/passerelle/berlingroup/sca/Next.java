package dev.passerelle.berlingroup.sca;

import dev.passerelle.berlingroup.oauth.OAuthTokens;
import dev.passerelle.berlingroup.session.Pending;
import dev.passerelle.connector.StepResult;

/** Where an authorisation stands after the bank's last answer. */
public sealed interface Next {

    /** The user must answer (a user id, a password, a method, a one-time code). */
    record Ask(Pending pending, StepResult.Challenge challenge) implements Next {
    }

    /** The user must go to the bank's pages. */
    record Go(Pending pending, StepResult.Redirect redirect) implements Next {
    }

    /** The user must approve in the bank's app; the server polls. */
    record Await(Pending pending, StepResult.Decoupled decoupled) implements Next {
    }

    /**
     * The strong authentication is done: the consent should now be valid.
     *
     * @param tokens the OAuth tokens the authorisation gave, or {@code null}
     */
    record Done(Pending pending, OAuthTokens tokens) implements Next {
    }

    /**
     * The authorisation ended without success; the consent is given up.
     *
     * @param withdraw whether the consent could still be authorised (the user cancelled, the approval
     *                 was not given in time): it must then be deleted at the bank
     */
    record Stop(StepResult outcome, boolean withdraw) implements Next {

        /** A consent the bank already refused or failed. */
        static Stop refused(StepResult outcome) {
            return new Stop(outcome, false);
        }

        /** A consent the bank could still make valid. */
        static Stop withdrawn(StepResult outcome) {
            return new Stop(outcome, true);
        }
    }
}
