package dev.passerelle.testbank;

/**
 * French bank identifiers: the RIB key that makes the BBAN a multiple of 97, and the IBAN check
 * digits of ISO 13616 (which the RIB key always makes {@code 76}).
 */
final class FrenchIban {

    /** A bank code no French bank uses, so that test IBANs never reach a real account. */
    static final String BANK_CODE = "99001";

    private FrenchIban() {
    }

    /** The IBAN of the 11-digit {@code accountNumber} at {@code branchCode} of the test bank. */
    static String of(String branchCode, String accountNumber) {
        String bban = BANK_CODE + branchCode + accountNumber + ribKey(branchCode, accountNumber);
        int check = 98 - mod97(bban + "FR00");
        return "FR" + (check < 10 ? "0" : "") + check + bban;
    }

    private static String ribKey(String branchCode, String accountNumber) {
        long weighted = 89L * Long.parseLong(BANK_CODE) + 15L * Long.parseLong(branchCode)
                + 3L * Long.parseLong(accountNumber);
        int key = 97 - (int) (weighted % 97);
        return (key < 10 ? "0" : "") + key;
    }

    /** ISO 7064 MOD 97-10 of a string of digits and upper-case letters (A=10 … Z=35). */
    static int mod97(String text) {
        int remainder = 0;
        for (char c : text.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
        }
        return remainder;
    }
}
