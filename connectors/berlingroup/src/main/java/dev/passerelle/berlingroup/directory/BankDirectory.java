package dev.passerelle.berlingroup.directory;

import dev.passerelle.connector.RateLimit;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The banks an operator configured under {@code passerelle.connectors.providers.berlingroup}, and the
 * TPP's key stores (docs/berlin-group.md, "Configuring a bank"). {@link #parse} reads everything and
 * reports every problem at once, each naming its full key.
 */
public record BankDirectory(KeyStores keyStores, List<Aspsp> banks) {

    /** The configuration prefix, for messages. */
    public static final String PREFIX = "passerelle.connectors.providers.berlingroup.";

    /** PSD2's limit of unattended accesses a day (RTS art. 36(5)). */
    public static final int PSD2_UNATTENDED_ACCESSES = 4;

    static final Duration DEFAULT_VALIDITY = Duration.ofDays(180);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_DECOUPLED_TIMEOUT = Duration.ofMinutes(5);
    static final int DEFAULT_MONTHS_TO_FETCH = 3;
    /** Derived connector ids live in [FIRST_DERIVED_ID, FIRST_DERIVED_ID + DERIVED_IDS): far from hand-picked ones. */
    static final int FIRST_DERIVED_ID = 1_000_000;
    static final int DERIVED_IDS = 9_000_000;

    /** The EEA countries whose banks do not keep Central European time; the others do. */
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("pt", "Europe/Lisbon"), Map.entry("ie", "Europe/Dublin"), Map.entry("is", "Atlantic/Reykjavik"),
            Map.entry("fi", "Europe/Helsinki"), Map.entry("ee", "Europe/Tallinn"), Map.entry("lv", "Europe/Riga"),
            Map.entry("lt", "Europe/Vilnius"), Map.entry("gr", "Europe/Athens"), Map.entry("bg", "Europe/Sofia"),
            Map.entry("ro", "Europe/Bucharest"), Map.entry("cy", "Asia/Nicosia"), Map.entry("gb", "Europe/London"));
    private static final String CENTRAL_EUROPE = "Europe/Brussels";

    public BankDirectory {
        banks = List.copyOf(banks);
    }

    /**
     * Reads the directory.
     *
     * @param configuration the provider's configuration, keys relative to {@link #PREFIX}
     * @throws IllegalArgumentException listing every problem found
     */
    public static BankDirectory parse(Map<String, String> configuration) {
        List<String> problems = new ArrayList<>();
        Section root = Section.root(PREFIX, configuration, problems);
        KeyStores keyStores = keyStores(root.child("certificates"));
        List<Aspsp> banks = root.list("banks").stream().map(BankDirectory::bank).toList();
        checkUnique(banks, problems);
        banks.stream().filter(bank -> bank.transport().qwacAlias() != null || bank.transport().qsealAlias() != null)
                .filter(bank -> keyStores.keyStoreFile().isEmpty()).findFirst()
                .ifPresent(bank -> problems.add(PREFIX + "certificates.keystore is required: bank '"
                        + bank.identity().name() + "' names a certificate alias"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The Berlin Group bank directory is not valid:\n - "
                    + String.join("\n - ", problems));
        }
        return new BankDirectory(keyStores, banks);
    }

    private static KeyStores keyStores(Section section) {
        Path keyStore = section.text("keystore").map(Path::of).orElse(null);
        Path trustStore = section.text("truststore").map(Path::of).orElse(null);
        return new KeyStores(keyStore, section.text("keystore-password").map(String::toCharArray).orElse(null),
                section.text("keystore-type").orElse("PKCS12"), trustStore,
                section.text("truststore-password").map(String::toCharArray).orElse(null));
    }

    private static Aspsp bank(Section bank) {
        String name = bank.required("name", "the bank's name as users see it");
        UUID uuid = bank.uuid("uuid").orElse(null);
        if (uuid == null && bank.text("uuid").isEmpty()) {
            bank.problem("uuid", "is required: a stable identity of the bank's connector (generate one once, e.g. "
                    + "with uuidgen, and never change it)");
        }
        String country = bank.required("country", "ISO 3166-1 alpha-2 code, e.g. DE");
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            bank.problem("country", "is not an ISO 3166-1 alpha-2 code: '" + country + "'");
            country = null;
        }
        String lowerCountry = country == null ? null : country.toLowerCase(Locale.ROOT);
        String bic = bank.text("bic").orElse(null);
        if (bic != null && !bic.matches("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?")) {
            bank.problem("bic", "is not a BIC (ISO 9362): '" + bic + "'");
        }
        int id = bank.text("id").isPresent() ? bank.integer("id", 0, 1, Integer.MAX_VALUE / 10)
                : derivedId(uuid);
        Aspsp.Identity identity = new Aspsp.Identity(id, uuid, name, lowerCountry, bic, bank.url("logo-url").orElse(null));

        List<ScaApproach> approaches = new ArrayList<>();
        for (String value : bank.strings("sca-approaches")) {
            ScaApproach.of(value).filter(a -> !approaches.contains(a)).ifPresentOrElse(approaches::add, () -> {
                if (ScaApproach.of(value).isEmpty()) {
                    bank.problem("sca-approaches", "names an unknown approach '" + value
                            + "' (redirect, oauth, embedded, decoupled)");
                }
            });
        }
        if (approaches.isEmpty() && bank.strings("sca-approaches").isEmpty()) {
            bank.problem("sca-approaches", "is required: the approaches the bank offers, preferred first "
                    + "(redirect, oauth, embedded, decoupled)");
        }
        String clientId = bank.text("oauth-client-id").orElse(null);
        if (approaches.contains(ScaApproach.OAUTH) && clientId == null) {
            bank.problem("oauth-client-id", "is required when the bank offers the oauth approach: the TPP's client "
                    + "id at the bank's authorization server (often the QWAC's organisation identifier)");
        }
        Aspsp.Sca sca = new Aspsp.Sca(approaches, bank.flag("psu-id-on-redirect", false),
                bank.flag("explicit-authorisation", false),
                bank.duration("decoupled-timeout", DEFAULT_DECOUPLED_TIMEOUT), clientId);

        ConsentModel model = bank.read("consent-model", ConsentModel.DETAILED, value -> ConsentModel.of(value)
                .orElseThrow(() -> new IllegalArgumentException("detailed, bank-offered or global")));
        if (model == ConsentModel.BANK_OFFERED && !approaches.isEmpty() && approaches.stream().noneMatch(ScaApproach::webauth)) {
            bank.problem("consent-model", "bank-offered needs an approach where the user picks accounts at the bank "
                    + "(redirect, oauth or decoupled), and this bank offers only embedded");
        }
        Duration validity = bank.text("consent-validity").filter(v -> v.equalsIgnoreCase("max")).isPresent() ? null
                : bank.read("consent-validity", DEFAULT_VALIDITY, value -> value.chars().allMatch(Character::isDigit)
                        ? Duration.ofDays(Long.parseLong(value)) : Section.durationOf(value));
        Aspsp.ConsentTerms consent = new Aspsp.ConsentTerms(model, validity,
                bank.integer("frequency-per-day", PSD2_UNATTENDED_ACCESSES, 1, 96),
                bank.flag("available-accounts-with-balance", true));

        URI baseUrl = bank.url("base-url").orElse(null);
        if (baseUrl == null && bank.text("base-url").isEmpty()) {
            bank.problem("base-url", "is required: the root of the bank's XS2A API, without /v1");
        }
        boolean signing = bank.flag("signing", false);
        String qseal = bank.text("qseal-alias").orElse(null);
        if (signing && qseal == null) {
            bank.problem("qseal-alias", "is required when signing is on: the key store entry of the QSeal certificate");
        }
        String header = bank.text("certificate-header").orElse(null);
        if (header != null && !header.matches("[A-Za-z0-9-]+")) {
            bank.problem("certificate-header", "is not an HTTP header name: '" + header + "'");
        }
        String qwac = bank.text("qwac-alias").orElse(null);
        if (header != null && qwac == null) {
            bank.problem("qwac-alias", "is required with certificate-header: the QWAC the header carries");
        }
        Aspsp.Transport transport = new Aspsp.Transport(baseUrl, bank.duration("timeout", DEFAULT_TIMEOUT),
                bank.read("rate-limit", null, BankDirectory::rateLimit), signing, qwac, qseal, header);

        ZoneId zone = bank.zone("time-zone").orElseGet(() -> ZoneId.of(ZONES.getOrDefault(
                Optional.ofNullable(lowerCountry).orElse(""), CENTRAL_EUROPE)));
        Aspsp.Data data = new Aspsp.Data(bank.flag("card-accounts", true),
                bank.integer("months-to-fetch", DEFAULT_MONTHS_TO_FETCH, 1, 120), bank.decimal("sync-period-days", 1),
                zone);
        return new Aspsp(identity, sca, consent, transport, data);
    }

    /** {@code 10/s}, {@code 600/min}, {@code 5/PT2S}: permits per period. */
    static RateLimit rateLimit(String value) {
        String[] parts = value.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("write it as permits/period, e.g. 10/s, 600/min or 5/PT2S");
        }
        int permits = Integer.parseInt(parts[0].strip());
        String unit = parts[1].strip().toLowerCase(Locale.ROOT);
        Duration period = switch (unit) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "m", "min", "minute" -> Duration.ofMinutes(1);
            case "h", "hour" -> Duration.ofHours(1);
            default -> Section.durationOf(parts[1].strip());
        };
        return new RateLimit(permits, period);
    }

    /** A connector id from the uuid: stable, and far above the ids connectors pick by hand. */
    static int derivedId(UUID uuid) {
        if (uuid == null) {
            return 0;
        }
        long mixed = uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits();
        return FIRST_DERIVED_ID + (int) Math.floorMod(mixed, (long) DERIVED_IDS);
    }

    private static void checkUnique(List<Aspsp> banks, List<String> problems) {
        Map<UUID, String> uuids = new HashMap<>();
        Map<Integer, String> ids = new HashMap<>();
        for (Aspsp bank : banks) {
            Aspsp.Identity identity = bank.identity();
            if (identity.uuid() != null) {
                Optional.ofNullable(uuids.putIfAbsent(identity.uuid(), identity.name())).ifPresent(other ->
                        problems.add("banks '" + other + "' and '" + identity.name() + "' share uuid " + identity.uuid()));
                Optional.ofNullable(ids.putIfAbsent(identity.id(), identity.name())).ifPresent(other ->
                        problems.add("banks '" + other + "' and '" + identity.name() + "' share connector id "
                                + identity.id() + ": give one of them an explicit id"));
            }
        }
    }
}
