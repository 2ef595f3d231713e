package dev.passerelle.connector;

import java.util.List;

/**
 * A connector whose institution keeps a consent of its own that follows the user's choices: Berlin
 * Group banks want a dedicated consent for the accounts the user picked, and a consent revoked when
 * the user leaves.
 */
public interface ConsentCapability {

    /**
     * Called after the user activated accounts on the source ({@code activated}: every account now
     * active there). The answer is a step outcome: {@link StepResult.Success} (perhaps granting the
     * narrower {@link Consent}), or what the institution asks to consent ({@link StepResult.Redirect},
     * a {@link StepResult.Challenge}), which the user then completes as any other step.
     */
    StepResult accountsActivated(ConnectionContext ctx, List<Account> activated);

    /**
     * The connection or its user is being deleted: withdraw the consent at the institution. Best
     * effort: the deletion goes on whatever happens here.
     */
    void revoke(ConnectionContext ctx);
}
