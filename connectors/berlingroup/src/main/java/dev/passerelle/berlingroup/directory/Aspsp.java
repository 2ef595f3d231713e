package dev.passerelle.berlingroup.directory;

import dev.passerelle.connector.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One bank of the directory (an "ASPSP" in PSD2's words), as the operator configured it: who it is,
 * how its customers authenticate, what consent it gives, how to reach it and what to fetch. Read from
 * configuration by {@link BankDirectory}.
 */
public record Aspsp(Identity identity, Sca sca, ConsentTerms consent, Transport transport, Data data) {

    public Aspsp {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(sca, "sca");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Who the bank is, as {@code GET /connectors} publishes it.
     *
     * @param id      the connector's numeric id (configured, or derived from the uuid)
     * @param country ISO 3166-1 alpha-2, lower case
     * @param bic     the bank's BIC, published as the connector's bank code, or {@code null}
     * @param logoUrl where its logo is, or {@code null}
     */
    public record Identity(int id, UUID uuid, String name, String country, String bic, URI logoUrl) {
    }

    /**
     * How the bank's customers authenticate.
     *
     * @param approaches            the approaches it offers, the preferred first
     * @param psuIdOnRedirect       whether it wants {@code PSU-ID} even when the user authenticates on its pages
     * @param explicitAuthorisation whether to ask for an explicit start of the authorisation
     *                              ({@code TPP-Explicit-Authorisation-Preferred})
     * @param decoupledTimeout      how long a decoupled approval may take before the connection asks again
     * @param oauthClientId         the TPP's client id at its OAuth2 server (the OAuth approach), or {@code null}
     */
    public record Sca(List<ScaApproach> approaches, boolean psuIdOnRedirect, boolean explicitAuthorisation,
                      Duration decoupledTimeout, String oauthClientId) {

        public Sca {
            approaches = List.copyOf(approaches);
        }

        public boolean supports(ScaApproach approach) {
            return approaches.contains(approach);
        }

        /** Whether the user can authenticate without typing a password here (redirect, OAuth, decoupled). */
        public boolean webauth() {
            return approaches.stream().anyMatch(ScaApproach::webauth);
        }

        /** The preferred of the approaches that take the user away, or empty. */
        public Optional<ScaApproach> preferredWebauth() {
            return approaches.stream().filter(ScaApproach::webauth).findFirst();
        }
    }

    /**
     * What access the connector asks for.
     *
     * @param model                        how accounts are chosen
     * @param validity                     how long to ask the consent for; the bank may grant less
     *                                     ({@code null}: the longest the bank grants, {@code 9999-12-31})
     * @param frequencyPerDay              unattended accesses a day (PSD2: four)
     * @param availableAccountsWithBalance whether the account list of the detailed model comes with balances
     */
    public record ConsentTerms(ConsentModel model, Duration validity, int frequencyPerDay,
                               boolean availableAccountsWithBalance) {
    }

    /**
     * How to reach the bank.
     *
     * @param baseUrl           the root of its XS2A API (without {@code /v1})
     * @param timeout           how long one call may take
     * @param rateLimit         how many calls it accepts, or {@code null}
     * @param signing           whether requests are signed with the QSeal (Digest, Signature)
     * @param qwacAlias         the key store entry of the QWAC presented over TLS, or {@code null}
     * @param qsealAlias        the key store entry of the QSeal that signs, or {@code null}
     * @param certificateHeader the header carrying the QWAC instead of the TLS handshake, for banks
     *                          behind a gateway that terminates TLS, or {@code null}
     */
    public record Transport(URI baseUrl, Duration timeout, RateLimit rateLimit, boolean signing, String qwacAlias,
                            String qsealAlias, String certificateHeader) {
    }

    /**
     * What to fetch.
     *
     * @param cardAccounts   whether to read {@code /v1/card-accounts} as well
     * @param monthsToFetch  history asked on a first sync
     * @param syncPeriodDays days between background syncs
     * @param zone           the bank's time zone: its dates ({@code validUntil}, booking days) are local
     */
    public record Data(boolean cardAccounts, int monthsToFetch, double syncPeriodDays, ZoneId zone) {
    }
}
