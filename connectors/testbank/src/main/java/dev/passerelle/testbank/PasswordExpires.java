package dev.passerelle.testbank;

import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testbank.Session.Stage;

/**
 * The password has expired: refreshes keep failing until the user, having changed it on the bank's
 * site, posts the new one ({@code passwordExpired}).
 */
final class PasswordExpires implements Behaviour {

    private static final String MESSAGE = "Your password has expired; change it on your bank's website";

    @Override
    public StepResult start(Attempt attempt) {
        boolean stillExpired = attempt.isAt(Stage.REPORTED) && !attempt.posted(TestBankDescriptor.PASSWORD);
        return attempt.firstContact() || stillExpired ? expired(attempt) : attempt.success();
    }

    @Override
    public StepResult sync(Attempt attempt) {
        return attempt.firstContact() || attempt.isAt(Stage.REPORTED) ? expired(attempt) : attempt.success();
    }

    private static StepResult expired(Attempt attempt) {
        return attempt.failure(FailureReason.PASSWORD_EXPIRED, MESSAGE);
    }
}
