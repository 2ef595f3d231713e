package dev.passerelle.server.fuzz;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values a careless or hostile client sends, drawn from a seeded {@link Random}: wrong types, huge
 * and negative numbers, junk id lists, unicode, NUL and control characters, long strings, bad
 * dates, bad {@code expand}, JWE garbage, injection strings, and real ids (own and foreign).
 */
final class Junk {

    static final List<String> FIELD_NAMES = List.of("connector_uuid", "id_connector", "id_bank", "id_provider", "login",
            "password", "website", "directaccesswebsite", "openapiwebsite", "openapisms", "resume", "source", "expand",
            "all", "disabled", "display", "name", "bookmarked", "usage", "type", "code", "client_id", "client_secret",
            "grant_type", "redirect_uri", "id_user", "revoke_previous", "url", "events", "auth", "advance", "limit",
            "offset", "min_date", "max_date", "filter", "last_update", "income", "deleted", "background",
            "psu_requested", "connector_ids", "connector_uuids", "country_codes", "capabilities", "auth_mechanism",
            "state", "lang", "flow", "previous_expires_in", "comment", "wording", "application_date", "active",
            "secret", "id_account", "id_connection", "connection_id", "error", "error_description", "scope");

    private static final List<String> WRONG_TYPES = List.of("abc", "true", "false", "null", "[]", "{}", "1.5", "1e309",
            "", " ", "undefined", "NaN", "Infinity", "0x10", "1_000", " 1 ", "+1", "--1");
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999",
            "1.0", "-0", "00000000001", "1e3");
    private static final List<String> TEXT = List.of("é", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u202Eevil", "中文字", "\uFEFFbom", "😀👍",
            "\u0000", "nul\u0000inside", "line\r\nforged", "tab\there", "\u0007\u001b[31m", "\u2028\u2029",
            "' OR 1=1 --", "\"; DROP TABLE app_user; --", "<script>alert(1)</script>", "../../etc/passwd",
            "%s%n%x", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "\\", "/", "?", "#", "&", "=", ";", ",");
    private static final List<String> DATES = List.of("2024-13-45", "0000-00-00", "2024-02-30", "99999-01-01",
            "2024-01-01T25:00:00Z", "yesterday", "2024-03", "2024", "1970-01-01", "+999999999-12-31",
            "-999999999-01-01", "2024-01-01 10:00:00 01:00", "2024-01-01T10:00:00+25:00", "2024-W01", "20240101",
            "2024-1-1", "9999-12-31T23:59:59.999999999Z", "P1D", "PT-5H", "P9999999999D");
    private static final List<String> EXPANDS = List.of("accounts", "transactions,documents", "sources,fields",
            "connector", "*", ",", "accounts[", "accounts,accounts,accounts", "connections.accounts", "ACCOUNTS", "x".repeat(300));
    private static final List<String> SCENARIOS = List.of("par", "wrongpass", "additionalInformationNeeded",
            "shortDecoupled", "SCARequired", "bug", "actionNeeded", "notSupported", "websiteUnavailable");
    private static final List<String> CODE_TYPES = List.of("singleAccess", "requestAccess", "single", "standard");

    private final Random random;
    private final List<String> ownIds;
    private final List<String> foreignIds;

    Junk(Random random, List<String> ownIds, List<String> foreignIds) {
        this.random = random;
        this.ownIds = ownIds;
        this.foreignIds = foreignIds;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int upTo(int max) {
        return random.nextInt(max + 1);
    }

    /** An id for a path variable: own, foreign, {@code me}, or junk. */
    String id() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> pick(ownIds);
            case 3, 4, 5 -> pick(foreignIds);
            case 6 -> "me";
            default -> value();
        };
    }

    /** Any value. */
    String value() {
        return switch (random.nextInt(13)) {
            case 0 -> pick(WRONG_TYPES);
            case 1 -> pick(NUMBERS);
            case 2 -> idList();
            case 3 -> pick(TEXT);
            case 4 -> longString();
            case 5 -> pick(DATES);
            case 6 -> pick(EXPANDS);
            case 7 -> jweGarbage();
            case 8 -> pick(SCENARIOS);
            case 9 -> pick(CODE_TYPES);
            case 10 -> chance(50) ? pick(ownIds) : pick(foreignIds);
            case 11 -> pick(WRONG_TYPES) + pick(TEXT);
            default -> "338178e6-3d01-564f-9a7b-52ca442459bf";
        };
    }

    /** A comma list of ids, mixing own, foreign and junk. */
    String idList() {
        return IntStream.range(0, 1 + upTo(5)).mapToObj(i -> switch (random.nextInt(5)) {
            case 0 -> pick(ownIds);
            case 1 -> pick(foreignIds);
            case 2 -> pick(NUMBERS);
            case 3 -> "";
            default -> pick(WRONG_TYPES);
        }).collect(Collectors.joining(chance(80) ? "," : pick(List.of(";", ", ", ",,", "%2C"))));
    }

    String longString() {
        String unit = pick(List.of("a", "é", "😀", "%", "\u0000", "ab\r\n"));
        return unit.repeat(List.of(201, 256, 1001, 2001, 5000, 20000).get(random.nextInt(6)) / unit.length());
    }

    /** Five base64url parts: a header that is not ours (alg none, no enc, junk, another kid) and garbage. */
    String jweGarbage() {
        String header = pick(List.of("{\"alg\":\"none\"}", "{\"alg\":\"RSA-OAEP-256\"}", "{}", "null", "[1]",
                "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"nope\"}",
                "{\"alg\":\"dir\",\"enc\":\"A128GCM\"}", "{\"alg\":\"RSA1_5\",\"enc\":\"A256GCM\",\"zip\":\"DEF\"}",
                "not json"));
        List<String> parts = new ArrayList<>(List.of(b64(header)));
        for (int i = 0; i < 4; i++) {
            parts.add(chance(10) ? "" : b64(pick(TEXT) + random.nextLong()));
        }
        return String.join(".", parts);
    }

    /** A JSON value of any type, nested up to {@code depth}. */
    JsonNode jsonValue(int depth) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (depth <= 0 ? random.nextInt(4) : random.nextInt(6)) {
            case 0 -> json.stringNode(value());
            case 1 -> json.numberNode(new BigDecimal(pick(NUMBERS)));
            case 2 -> pick(List.of(json.booleanNode(true), json.booleanNode(false), json.nullNode()));
            case 3 -> json.stringNode(pick(TEXT));
            case 4 -> {
                ArrayNode array = json.arrayNode();
                IntStream.range(0, upTo(3)).forEach(i -> array.add(jsonValue(depth - 1)));
                yield array;
            }
            default -> jsonObject(depth - 1);
        };
    }

    /** A JSON object of protocol field names (and odd ones) with values of any type. */
    ObjectNode jsonObject(int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        IntStream.range(0, upTo(4)).forEach(i -> object.set(fieldName(), jsonValue(depth)));
        return object;
    }

    String fieldName() {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> pick(TEXT);
            case 2 -> pick(FIELD_NAMES).toUpperCase();
            default -> pick(FIELD_NAMES);
        };
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
