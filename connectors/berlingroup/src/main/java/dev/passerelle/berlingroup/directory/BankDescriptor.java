package dev.passerelle.berlingroup.directory;

import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.MutualTls;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code GET /connectors} publishes for one bank of the directory, derived from what it supports:
 * a source reached on the bank's pages or app ({@value #OPEN_API}: redirect, OAuth, decoupled) and,
 * where the bank offers the embedded approach, a source with a user id and password ({@value #EMBEDDED}).
 */
public final class BankDescriptor {

    /** The source reached by web authentication: redirect, OAuth or decoupled. */
    public static final String OPEN_API = "openapi";
    /** The source of the embedded approach: the user types the bank's credentials here. */
    public static final String EMBEDDED = "embedded";
    /** The embedded source's user id ({@code PSU-ID}). */
    public static final String LOGIN = "login";
    /** The embedded source's password ({@code psuData.password}). */
    public static final String PASSWORD = "password";
    /** The user id on the web-authentication source, for banks that want {@code PSU-ID} there (and decoupled). */
    public static final String OPEN_API_LOGIN = "openapilogin";

    private BankDescriptor() {
    }

    public static ConnectorDescriptor of(Aspsp bank) {
        Aspsp.Identity identity = bank.identity();
        List<SourceDescriptor> sources = new ArrayList<>();
        List<FieldSpec> fields = new ArrayList<>();
        if (bank.sca().webauth()) {
            sources.add(source(identity.id() * 10 + 1, OPEN_API, 1, AuthMechanism.WEBAUTH));
            fields.add(new FieldSpec(OPEN_API_LOGIN, "User ID",
                    "Your user id at " + identity.name() + (psuIdRequiredOnWebauth(bank.sca()) ? ""
                            : "; leave it empty to authenticate on the bank's pages"),
                    FieldType.TEXT, psuIdRequiredOnWebauth(bank.sca()), null, List.of(), List.of(OPEN_API),
                    Set.of(AuthMechanism.WEBAUTH)));
        }
        if (bank.sca().supports(ScaApproach.EMBEDDED)) {
            sources.add(source(identity.id() * 10 + 2, EMBEDDED, 2, AuthMechanism.CREDENTIALS));
            fields.add(new FieldSpec(LOGIN, "User ID", "Your user id at " + identity.name(), FieldType.TEXT, true, null,
                    List.of(), List.of(EMBEDDED), Set.of(AuthMechanism.CREDENTIALS)));
            fields.add(new FieldSpec(PASSWORD, "Password", "Your password at " + identity.name(), FieldType.PASSWORD,
                    true, null, List.of(), List.of(EMBEDDED), Set.of(AuthMechanism.CREDENTIALS)));
        }
        return ConnectorDescriptor.builder(identity.id(), identity.uuid(), identity.name())
                .spiVersion(Spi.VERSION)
                .code(identity.bic())
                .logoUrl(identity.logoUrl())
                .countries(identity.country())
                .accountTypes(AccountType.CHECKING, AccountType.SAVINGS, AccountType.CARD, AccountType.LOAN)
                .monthsToFetch(bank.data().monthsToFetch())
                .syncPeriodDays(bank.data().syncPeriodDays())
                .sources(sources)
                .fields(fields)
                .rateLimit(bank.transport().rateLimit())
                // The QWAC: the runtime's institution client presents it over TLS (BerlinGroupProvider#settings).
                .settings(MutualTls.settings())
                .build();
    }

    /**
     * Whether the web-authentication source cannot do without the user id: the bank wants it on
     * redirects, or it takes the user away only by decoupled approval, which names the user.
     */
    static boolean psuIdRequiredOnWebauth(Aspsp.Sca sca) {
        return sca.psuIdOnRedirect() || sca.approaches().stream().filter(ScaApproach::webauth)
                .allMatch(approach -> approach == ScaApproach.DECOUPLED);
    }

    private static SourceDescriptor source(int id, String name, int priority, AuthMechanism mechanism) {
        return SourceDescriptor.builder(id, name).priority(priority).authMechanism(mechanism)
                .capabilities(Capability.BANK)
                .accountUsages(AccountUsage.PRIVATE, AccountUsage.ORGANISATION)
                .build();
    }
}
