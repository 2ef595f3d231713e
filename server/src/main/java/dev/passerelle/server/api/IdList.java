package dev.passerelle.server.api;

import java.util.Arrays;
import java.util.List;

/**
 * The id segment of a write on accounts or subscriptions: one id, or several separated by commas to
 * act on them at once ({@code PUT /users/me/connections/3/accounts/12,13?all}, docs/protocol.md §7.1).
 *
 * @param several whether the segment named a list (the response is then wrapped in a list object)
 */
public record IdList(List<Long> ids, boolean several) {

    public static IdList parse(String segment) {
        try {
            List<Long> ids = Arrays.stream(segment.split(",", -1)).map(String::trim).map(Long::parseLong).distinct().toList();
            return new IdList(ids, segment.contains(","));
        } catch (NumberFormatException e) {
            throw ApiError.INVALID_VALUE.exception("Ids are numbers separated by commas");
        }
    }
}
