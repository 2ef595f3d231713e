package dev.passerelle.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of("poll", SettingSpec.Type.SECONDS, "how often").withDefault("2"),
            SettingSpec.of("pages", SettingSpec.Type.INTEGER, "pages to read").withDefault("3"),
            SettingSpec.of("sandbox", SettingSpec.Type.FLAG, "use the sandbox").withDefault("false"),
            SettingSpec.of("base-url", SettingSpec.Type.URL, "the bank").asRequired(),
            SettingSpec.of("client-secret", SettingSpec.Type.SECRET, "the secret"));

    @Test
    void valuesReadAsTheirTypeAndAbsentOnesAsTheirDefault() {
        Settings settings = Settings.of(Map.of("poll", "7", "base-url", "https://bank.example/psd2"), SPECS);

        assertThat(settings.seconds("poll")).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.integer("pages")).isEqualTo(3);
        assertThat(settings.flag("sandbox")).isFalse();
        assertThat(settings.url("base-url")).contains(URI.create("https://bank.example/psd2"));
        assertThat(settings.secret("client-secret")).isEmpty();
        assertThat(settings.problems()).isEmpty();
    }

    @Test
    void everyProblemIsNamedAndASecretsValueIsNeverShown() {
        Settings settings = Settings.of(Map.of("poll", "-1", "pages", "many", "sandbox", "yes",
                "client-secret", "s3cret"), SPECS);

        assertThat(settings.problems()).containsExactlyInAnyOrder(
                "setting 'poll' is negative (configured: '-1')",
                "setting 'pages' is not a whole number (configured: 'many')",
                "setting 'sandbox' is neither true nor false (configured: 'yes')",
                "setting 'base-url' is required: the bank");
        assertThat(settings.toString()).contains("client-secret=****").doesNotContain("s3cret");
    }

    @Test
    void theProblemsComeSettingBySettingAndASettingLeftOutTakesItsDefaultAgain() {
        Settings settings = Settings.of(Map.of("poll", "-1", "pages", "7", "base-url", "https://bank.example",
                "client-secret", "s3cret"), SPECS);

        assertThat(settings.problemsByName()).containsExactly(Map.entry("poll", "setting 'poll' is negative (configured: '-1')"));
        assertThat(settings.without(java.util.Set.of("poll")).seconds("poll")).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.without(java.util.Set.of("poll")).integer("pages")).isEqualTo(7);
        assertThat(settings.problem("client-secret", "is refused")).isEqualTo("setting 'client-secret' is refused");
        assertThat(settings.problem("pages", "must be 10 or less")).isEqualTo("setting 'pages' must be 10 or less (configured: '7')");
    }

    @Test
    void aValueThatDoesNotReadIsAnErrorNamingTheSetting() {
        assertThatThrownBy(() -> Settings.of(Map.of("base-url", "ftp://bank"), SPECS).url("base-url"))
                .hasMessageContaining("'base-url'");
    }

    @Test
    void aSecretHasNoDefault() {
        assertThatThrownBy(() -> SettingSpec.of("key", SettingSpec.Type.SECRET, "a key").withDefault("k"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
