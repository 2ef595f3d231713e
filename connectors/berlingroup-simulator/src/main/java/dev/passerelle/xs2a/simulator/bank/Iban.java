package dev.passerelle.xs2a.simulator.bank;

import java.math.BigInteger;

/** IBANs with correct check digits (ISO 13616: mod 97-10 over the BBAN followed by the country). */
public final class Iban {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {
    }

    /** The IBAN of {@code bban} in {@code country} (two letters), check digits computed. */
    public static String of(String country, String bban) {
        int check = 98 - mod97(bban + country + "00");
        return country + String.format("%02d", check) + bban;
    }

    /** Whether {@code iban} has valid check digits. */
    public static boolean valid(String iban) {
        if (iban == null || iban.length() < 5 || !iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
            return false;
        }
        return mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
    }

    private static int mod97(String text) {
        StringBuilder digits = new StringBuilder();
        for (char c : text.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
