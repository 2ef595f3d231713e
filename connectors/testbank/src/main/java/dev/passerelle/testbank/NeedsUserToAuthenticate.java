package dev.passerelle.testbank;

import dev.passerelle.connector.StepResult;
import dev.passerelle.testbank.Session.Stage;

/**
 * A scenario whose authentication needs the user (a code, an app validation). Once authenticated,
 * refreshes succeed; otherwise a refresh restarts the authentication when the user is there and
 * asks for them when not, since a strong authentication may not start in the background.
 */
abstract class NeedsUserToAuthenticate implements Behaviour {

    @Override
    public StepResult sync(Attempt attempt) {
        if (attempt.isAt(Stage.READY)) {
            return attempt.success();
        }
        return attempt.userPresent() ? start(attempt) : attempt.scaRequired();
    }
}
