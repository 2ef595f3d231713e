package dev.passerelle.server.api;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An amount query parameter ({@code min_value}, {@code max_value}, {@code value} of transactions,
 * {@code min_amount}, {@code max_amount} of documents; docs/data.md): a decimal with a point or the
 * comma French writes ({@code -12.50}, {@code 12,5}, {@code 1e3}), in ASCII digits; not {@code NaN},
 * infinities, nor more than {@link #MAX_DIGITS} digits on either side of the point.
 */
public final class AmountParam {

    /**
     * Digits an amount may have on either side of its point: the amount columns hold 16 and 8
     * ({@code NUMERIC(24, 8)}), and the bound keeps {@code 1e999999999} from becoming a billion digits
     * when the database reads it.
     */
    static final int MAX_DIGITS = 20;

    private AmountParam() {
    }

    /** The parameter {@code name}, or null when absent or blank; anything but an amount is {@link ApiError#INVALID_VALUE}. */
    public static BigDecimal of(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return read(raw).orElseThrow(() -> invalid(name, ""));
    }

    /** The amount {@code raw} writes, if it is one. */
    public static Optional<BigDecimal> read(String raw) {
        String text = raw.strip().replace(',', '.');
        if (text.isEmpty() || text.length() > 2 * MAX_DIGITS + 8 || !text.chars().allMatch(AmountParam::isAmountChar)) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            boolean fits = amount.precision() - amount.scale() <= MAX_DIGITS && amount.scale() <= MAX_DIGITS;
            return fits ? Optional.of(amount) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * ASCII digits, signs, the point and the exponent's letter: {@link BigDecimal} also reads the
     * digits of other scripts ({@code ١}), which no other number of the API accepts (docs/protocol.md §0).
     */
    private static boolean isAmountChar(int c) {
        return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E';
    }

    /** {@code name} is no amount; {@code more} says what else it may be, after a comma, or is empty. */
    public static ApiException invalid(String name, String more) {
        return ApiError.INVALID_VALUE.exception("'" + name + "' must be an amount such as -12.50" + more);
    }
}
