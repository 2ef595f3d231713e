package dev.passerelle.testbank;

import java.util.List;

/** A shop card payments go to, with the range its receipts fall in (euros). */
record Merchant(String name, double min, double max) {

    static final List<Merchant> EVERYDAY = List.of(
            new Merchant("CARREFOUR", 8, 145), new Merchant("CARREFOUR CITY", 4, 45),
            new Merchant("MONOPRIX", 6, 90), new Merchant("FRANPRIX", 3.5, 35), new Merchant("LIDL", 12, 110),
            new Merchant("PICARD", 9, 55), new Merchant("BOULANGERIE PAUL", 2.1, 14),
            new Merchant("PHARMACIE DU MARCHE", 4.5, 42), new Merchant("SNCF CONNECT", 19, 129),
            new Merchant("RATP", 2.15, 30), new Merchant("UBER EATS", 14, 42), new Merchant("FNAC", 9.99, 189),
            new Merchant("DECATHLON", 7, 120), new Merchant("AMAZON EU SARL", 8, 95),
            new Merchant("TOTALENERGIES", 35, 85), new Merchant("CINEMA UGC", 9.5, 25),
            new Merchant("LEROY MERLIN", 8, 160), new Merchant("RESTAURANT LE PETIT ZINC", 18, 75));

    static final List<Merchant> BUSINESS = List.of(
            new Merchant("TOTALENERGIES", 45, 110), new Merchant("SNCF CONNECT", 39, 189),
            new Merchant("AIR FRANCE", 120, 540), new Merchant("HOTEL IBIS", 79, 149),
            new Merchant("BRASSERIE LE CENTRAL", 24, 120), new Merchant("AMAZON BUSINESS", 15, 320),
            new Merchant("BUREAU VALLEE", 8, 140), new Merchant("LA POSTE", 1.96, 45), new Merchant("UBER", 12, 58));

    static final List<Merchant> ONLINE_USD = List.of(
            new Merchant("AMAZON.COM", 10, 120), new Merchant("GITHUB INC", 4, 21), new Merchant("AIRBNB", 85, 420));
}
