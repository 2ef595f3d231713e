package dev.passerelle.testbank;

import dev.passerelle.connector.StepResult;

/**
 * Adding the connection succeeds; every refresh asks for the consent to be renewed by web
 * authentication ({@code webauthRequired}).
 */
final class RequiresWebauthOnSync implements Behaviour {

    @Override
    public StepResult start(Attempt attempt) {
        return attempt.success();
    }

    @Override
    public StepResult sync(Attempt attempt) {
        return new StepResult.WebauthRequired("Consent renewal required");
    }
}
