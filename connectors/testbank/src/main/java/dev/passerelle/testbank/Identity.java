package dev.passerelle.testbank;

import dev.passerelle.connector.Profile;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The customer behind a login: a plausible French person, or for {@link DataKind#BUSINESS} a small
 * company, always the same for the same login. Addresses use made-up streets and the reserved
 * {@code example.org} domain.
 *
 * @param seed the login (or, for a web-authenticated source, the connection) the data derive from
 * @param name the account holder as the bank names them: the person, or the company
 * @param employer for a household, who pays the salary
 */
record Identity(String seed, DataKind kind, String name, String email, String phone, String address,
                String employer) {

    private static final List<String> FIRST_NAMES = List.of("Camille", "Léa", "Manon", "Chloé", "Inès", "Julie",
            "Thomas", "Lucas", "Hugo", "Antoine", "Nicolas", "Mathieu", "Élodie", "Sophie", "Julien", "Céline");
    private static final List<String> LAST_NAMES = List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert",
            "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia",
            "Fournier", "Girard", "Bonnet", "Dupont", "Lambert");
    private static final List<String> STREETS = List.of("rue des Lilas", "avenue Jean Jaurès", "rue Victor Hugo",
            "boulevard Voltaire", "rue de la République", "place du Marché", "rue Pasteur", "allée des Tilleuls");
    private static final List<String> CITIES = List.of("75011 Paris", "69003 Lyon", "13006 Marseille",
            "31000 Toulouse", "33000 Bordeaux", "44000 Nantes", "59000 Lille", "67000 Strasbourg");
    private static final List<String> EMPLOYERS = List.of("ACME", "DUPONT INDUSTRIES", "SOLEIL CONSEIL",
            "LES JARDINS DE FRANCE", "TECHNOLOGIES AVENIR");
    private static final List<String> TRADES = List.of("Conseil", "Bâtiment", "Informatique", "Design", "Traiteur");

    static Identity of(String seed, DataKind kind) {
        Random random = Seeds.random("identity", seed, kind);
        String first = Seeds.pick(random, FIRST_NAMES);
        String last = Seeds.pick(random, LAST_NAMES);
        String street = Seeds.pick(random, STREETS);
        String address = (1 + random.nextInt(120)) + " " + street + ", " + Seeds.pick(random, CITIES);
        String employer = Seeds.pick(random, EMPLOYERS);
        if (kind == DataKind.BUSINESS) {
            String trade = Seeds.pick(random, TRADES);
            return new Identity(seed, kind, last + " " + trade + " SARL",
                    "contact@" + slug(last + "-" + trade) + ".example.org",
                    "+33 1 " + pairs(Seeds.digits(random, 8)), address, null);
        }
        return new Identity(seed, kind, first + " " + last, slug(first) + "." + slug(last) + "@example.org",
                "+33 6 " + pairs(Seeds.digits(random, 8)), address, employer);
    }

    Profile profile() {
        return Profile.builder().name(name).email(email).phone(phone).address(address).build();
    }

    /** Upper-case name without accents, as bank wordings print it. */
    String upperName() {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
    }

    private static String slug(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String pairs(String digits) {
        return String.join(" ", digits.split("(?<=\\G..)"));
    }
}
