package dev.passerelle.berlingroup.directory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * One part of the provider's flat configuration ({@code banks[2].base-url}, or {@code banks.2.base-url}
 * as environment variables bind), read by type. Every value that does not read is written down as a
 * problem naming its full key, so that an operator gets all of them at once instead of the first.
 */
final class Section {

    private final String prefix;
    private final Map<String, String> values;
    private final List<String> problems;

    private Section(String prefix, Map<String, String> values, List<String> problems) {
        this.prefix = prefix;
        this.values = values;
        this.problems = problems;
    }

    /** The whole configuration, its keys relative to {@code prefix} ({@code passerelle.connectors.providers.berlingroup.}). */
    static Section root(String prefix, Map<String, String> configuration, List<String> problems) {
        Map<String, String> normalised = new TreeMap<>();
        configuration.forEach((key, value) -> normalised.put(normalise(key), value));
        return new Section(prefix, normalised, problems);
    }

    /** The section under {@code name.} (e.g. {@code certificates}). */
    Section child(String name) {
        return new Section(prefix + name + ".", under(normalise(name) + "."), problems);
    }

    /** The sections of a list ({@code banks[0]}, {@code banks[1]}…), in index order. */
    List<Section> list(String name) {
        Map<Integer, Map<String, String>> items = new TreeMap<>();
        String head = normalise(name) + ".";
        values.forEach((key, value) -> {
            if (!key.startsWith(head)) {
                return;
            }
            String rest = key.substring(head.length());
            int dot = rest.indexOf('.');
            String index = dot < 0 ? rest : rest.substring(0, dot);
            if (index.chars().allMatch(Character::isDigit) && !index.isEmpty() && dot > 0) {
                items.computeIfAbsent(Integer.parseInt(index), i -> new TreeMap<>()).put(rest.substring(dot + 1), value);
            } else {
                problems.add(prefix + name + ": expected a list of entries such as " + prefix + name + "[0].name, found "
                        + prefix + key);
            }
        });
        return items.entrySet().stream()
                .map(e -> new Section(prefix + name + "[" + e.getKey() + "].", e.getValue(), problems)).toList();
    }

    String key(String name) {
        return prefix + name;
    }

    void problem(String name, String what) {
        problems.add(key(name) + " " + what);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(normalise(name))).map(String::strip).filter(v -> !v.isEmpty());
    }

    String required(String name, String what) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            problem(name, "is required: " + what);
        }
        return value.orElse(null);
    }

    /**
     * A list, written either as YAML list ({@code name[0]}, {@code name[1]}) or as one comma-separated
     * value; empty when absent.
     */
    List<String> strings(String name) {
        List<String> items = new ArrayList<>();
        text(name).ifPresent(value -> Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                .forEach(items::add));
        new TreeMap<>(indexed(name)).values().forEach(items::add);
        return items;
    }

    boolean flag(String name, boolean fallback) {
        return text(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problem(name, "is neither true nor false: '" + value + "'");
                yield fallback;
            }
        }).orElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        return read(name, fallback, value -> {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException("is out of range [" + min + ", " + max + "]: " + number);
            }
            return number;
        });
    }

    double decimal(String name, double fallback) {
        return read(name, fallback, value -> {
            double number = Double.parseDouble(value);
            if (!(number > 0)) {
                throw new IllegalArgumentException("must be positive: " + value);
            }
            return number;
        });
    }

    /** A duration as ISO 8601 ({@code PT30S}) or whole seconds ({@code 30}). */
    Duration duration(String name, Duration fallback) {
        return read(name, fallback, Section::durationOf);
    }

    Optional<URI> url(String name) {
        return text(name).map(value -> read(name, null, Section::httpUrl));
    }

    Optional<UUID> uuid(String name) {
        return text(name).map(value -> read(name, null, UUID::fromString));
    }

    Optional<ZoneId> zone(String name) {
        return text(name).map(value -> read(name, null, ZoneId::of));
    }

    <T> T read(String name, T fallback, Function<String, T> parser) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(value.get());
        } catch (IllegalArgumentException | DateTimeException e) {
            problem(name, (e instanceof NumberFormatException ? "is not a number" : "is not valid")
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (configured: '" + value.get() + "')");
            return fallback;
        }
    }

    static Duration durationOf(String value) {
        Duration duration = value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value))
                : Duration.parse(value);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("must be positive");
        }
        return duration;
    }

    private static URI httpUrl(String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
    }

    private Map<String, String> under(String head) {
        Map<String, String> found = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(head)) {
                found.put(key.substring(head.length()), value);
            }
        });
        return found;
    }

    private Map<Integer, String> indexed(String name) {
        Map<Integer, String> found = new TreeMap<>();
        String head = normalise(name) + ".";
        values.forEach((key, value) -> {
            if (key.startsWith(head)) {
                String index = key.substring(head.length());
                if (!index.isEmpty() && index.chars().allMatch(Character::isDigit) && !value.isBlank()) {
                    found.put(Integer.parseInt(index), value.strip());
                }
            }
        });
        return found;
    }

    /**
     * A key as Spring's relaxed binding writes it, whatever its source: {@code banks[0].base-url} (YAML),
     * {@code banks.0.base-url} (a map's keys) and {@code banks.0.baseurl} (the environment variable
     * {@code …_BANKS_0_BASEURL}) are one key, {@code banks.0.baseurl}.
     */
    private static String normalise(String key) {
        return key.replace("[", ".").replace("]", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
