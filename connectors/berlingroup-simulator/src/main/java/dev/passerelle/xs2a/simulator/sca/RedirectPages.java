package dev.passerelle.xs2a.simulator.sca;

import dev.passerelle.xs2a.simulator.Bank;
import dev.passerelle.xs2a.simulator.consent.Consent;
import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The target of {@code scaRedirect}: the PSU logs in and decides at the bank, then the browser goes
 * back to the TPP: to {@code TPP-Redirect-URI} when the PSU accepted, to {@code TPP-Nok-Redirect-URI}
 * (or, without it, {@code TPP-Redirect-URI}) when the PSU denied or the SCA failed.
 */
public final class RedirectPages {

    private final Bank bank;
    private final PsuPages pages;

    public RedirectPages(Bank bank, PsuPages pages) {
        this.bank = bank;
        this.pages = pages;
    }

    public Response page(Call call) {
        return withAuthorisation(call, (consent, authorisation) ->
                pages.show(consent, authorisation, action(authorisation), Map.of()));
    }

    public Response submit(Call call) {
        return withAuthorisation(call, (consent, authorisation) ->
                pages.submit(call, consent, authorisation, action(authorisation), Map.of(),
                        accepted -> backToTpp(authorisation, accepted)));
    }

    private Response backToTpp(Authorisation authorisation, boolean accepted) {
        Optional<String> target = accepted ? authorisation.redirectUri()
                : authorisation.nokRedirectUri().or(authorisation::redirectUri);
        return target.map(uri -> Response.redirect(URI.create(uri)))
                .orElseGet(() -> pages.message(200, accepted ? "done_accepted" : "done_denied"));
    }

    private String action(Authorisation authorisation) {
        return bank.absolute("/sca/redirect/" + authorisation.id()).getPath();
    }

    private Response withAuthorisation(Call call, BiFunction<Consent, Authorisation, Response> page) {
        String id = call.pathParam("authorisationId");
        Optional<Consent> consent = bank.consents().byAuthorisation(id);
        Optional<Authorisation> authorisation = consent.flatMap(c -> c.authorisation(id));
        if (authorisation.isEmpty() || authorisation.get().approach() != ScaApproach.REDIRECT) {
            return pages.message(404, "page_unknown");
        }
        return page.apply(consent.get(), authorisation.get());
    }
}
