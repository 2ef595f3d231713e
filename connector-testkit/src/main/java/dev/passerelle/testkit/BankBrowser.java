package dev.passerelle.testkit;

import java.net.URI;

/**
 * The user's browser on the institution's pages during a redirect authentication: given the URL a
 * {@link dev.passerelle.connector.StepResult.Redirect} sends the user to, it does what the user
 * would (log in, consent or refuse) and answers the URL the institution finally sends the browser
 * back to, one of the interaction's. {@link HttpBankBrowser} walks pages over real HTTP.
 */
@FunctionalInterface
public interface BankBrowser {

    URI visit(URI institutionPage);
}
