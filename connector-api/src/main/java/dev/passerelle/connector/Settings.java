package dev.passerelle.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A connector's configured settings, read by type against the {@link SettingSpec}s of its
 * descriptor: a value absent from the configuration is the spec's default. {@link #problems()} lists
 * what is wrong with the configuration; the server refuses to run a connector that has any, so a
 * typed accessor never meets a value it cannot read.
 */
public final class Settings {

    /** Set by the server in every call's settings unless configured: its own public base URL, the API root as browsers reach it. */
    public static final String PUBLIC_URL = "public-url";

    private final Map<String, String> values;
    private final Map<String, SettingSpec> specs;

    private Settings(Map<String, String> values, List<SettingSpec> specs) {
        this.values = Map.copyOf(values);
        this.specs = specs.stream().collect(Collectors.toUnmodifiableMap(SettingSpec::name, s -> s));
    }

    public static Settings of(Map<String, String> values, List<SettingSpec> specs) {
        return new Settings(values, specs);
    }

    public static Settings none() {
        return new Settings(Map.of(), List.of());
    }

    /** These settings with {@code name} set to {@code value}, as the server adds {@link #PUBLIC_URL}. */
    public Settings with(String name, String value) {
        Map<String, String> changed = new HashMap<>(values);
        changed.put(name, value);
        return new Settings(changed, List.copyOf(specs.values()));
    }

    /** The raw value, or the spec's default; empty when neither. */
    public Optional<String> text(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return Optional.ofNullable(specs.get(name)).map(SettingSpec::defaultValue);
        }
        return Optional.of(value.strip());
    }

    public String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    public long integer(String name) {
        return parsed(name, SettingSpec.Type.INTEGER, Settings::wholeNumber);
    }

    public Duration seconds(String name) {
        return Duration.ofSeconds(parsed(name, SettingSpec.Type.SECONDS, Settings::nonNegativeSeconds));
    }

    public boolean flag(String name) {
        return parsed(name, SettingSpec.Type.FLAG, Settings::flagValue);
    }

    public Optional<URI> url(String name) {
        return text(name).map(value -> read(name, SettingSpec.Type.URL, value, Settings::httpUrl));
    }

    public Optional<Path> file(String name) {
        return text(name).map(Path::of);
    }

    /** A secret's value: use it, never log it. */
    public Optional<String> secret(String name) {
        return text(name);
    }

    /**
     * What is wrong with the configured values: required settings missing, values that do not read as
     * their type. Empty when the connector can run.
     */
    public List<String> problems() {
        return List.copyOf(problemsByName().values());
    }

    /**
     * {@link #problems()} setting by setting, in the order of the names: each setting that is
     * required and missing, or whose value does not read as its type, with the message that says so
     * (it names the setting, and shows the value unless the setting is secret).
     */
    public Map<String, String> problemsByName() {
        Map<String, String> problems = new TreeMap<>();
        for (SettingSpec spec : specs.values()) {
            Optional<String> value = text(spec.name());
            if (value.isEmpty()) {
                if (spec.required()) {
                    problems.put(spec.name(), "setting '" + spec.name() + "' is required: " + spec.description());
                }
                continue;
            }
            try {
                switch (spec.type()) {
                    case INTEGER -> wholeNumber(value.get());
                    case SECONDS -> nonNegativeSeconds(value.get());
                    case FLAG -> flagValue(value.get());
                    case URL -> httpUrl(value.get());
                    case TEXT, SECRET, FILE -> {
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.put(spec.name(), problem(spec.name(), e.getMessage()));
            }
        }
        return problems;
    }

    /**
     * The message of a setting's problem as {@link #problems()} words it: {@code setting '<name>' <why>},
     * with the configured value unless the setting is secret.
     */
    public String problem(String name, String why) {
        String value = values.get(name);
        return "setting '" + name + "' " + why
                + (isSecret(name) || value == null || value.isBlank() ? "" : " (configured: '" + value.strip() + "')");
    }

    /** These settings without {@code names}: their defaults apply again. */
    public Settings without(Collection<String> names) {
        Map<String, String> kept = new HashMap<>(values);
        kept.keySet().removeAll(names);
        return new Settings(kept, List.copyOf(specs.values()));
    }

    /** The settings as an operator may see them: secrets masked. */
    @Override
    public String toString() {
        return values.keySet().stream().sorted()
                .map(name -> name + "=" + (isSecret(name) ? "****" : values.get(name)))
                .collect(Collectors.joining(", ", "Settings[", "]"));
    }

    private boolean isSecret(String name) {
        return specs.containsKey(name) && specs.get(name).secret();
    }

    private <T> T parsed(String name, SettingSpec.Type type, java.util.function.Function<String, T> parser) {
        String value = text(name).orElseThrow(() -> new IllegalStateException(
                "setting '" + name + "' has no value and no default"));
        return read(name, type, value, parser);
    }

    private static <T> T read(String name, SettingSpec.Type type, String value,
                              java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("setting '" + name + "' is not a valid " + type + ": " + e.getMessage(), e);
        }
    }

    private static long wholeNumber(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a whole number");
        }
    }

    private static long nonNegativeSeconds(String value) {
        long seconds = wholeNumber(value);
        if (seconds < 0) {
            throw new IllegalArgumentException("is negative");
        }
        return seconds;
    }

    private static boolean flagValue(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("is neither true nor false");
        };
    }

    private static URI httpUrl(String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("is not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL");
        }
    }
}
