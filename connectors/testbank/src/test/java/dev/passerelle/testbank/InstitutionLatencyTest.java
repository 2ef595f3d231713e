package dev.passerelle.testbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.AuthMechanism;
import dev.passerelle.connector.ConnectorEnvironment;
import dev.passerelle.connector.InstitutionHttp;
import dev.passerelle.connector.Settings;
import dev.passerelle.runtime.ConnectorLifecycle;
import dev.passerelle.testkit.Dialogue;
import dev.passerelle.testkit.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The slow bank of benchmarks and demos: each step and data call waits the configured latency. */
class InstitutionLatencyTest {

    private final List<Duration> pauses = new ArrayList<>();

    @Test
    void everyStepAndDataCallWaitsTheConfiguredLatency() {
        Dialogue bank = slowBank(Map.of("latency-millis", "250"));

        bank.start();
        List<Account> accounts = Bank.activated(bank);
        bank.transactions(accounts.getFirst(), Bank.TODAY.minusDays(30));
        bank.subscriptions();
        bank.sync(false);

        assertThat(pauses).hasSize(5).containsOnly(Duration.ofMillis(250));
    }

    @Test
    void withoutSettingsTheBankAnswersAtOnce() {
        Dialogue bank = slowBank(Map.of());

        bank.start();
        bank.accounts();

        assertThat(pauses).containsExactly(Duration.ZERO, Duration.ZERO);
    }

    @Test
    void jitterSpreadsEachAnswerWithinItsBoundsAndNeverBelowZero() {
        SplittableRandom random = new SplittableRandom(7);
        InstitutionLatency latency = new InstitutionLatency(1000, 200);
        InstitutionLatency wide = new InstitutionLatency(50, 200);

        List<Duration> drawn = IntStream.range(0, 2000).mapToObj(i -> latency.next(random)).toList();

        assertThat(drawn).allMatch(d -> d.toMillis() >= 800 && d.toMillis() <= 1200);
        assertThat(drawn).anyMatch(d -> d.toMillis() < 900).anyMatch(d -> d.toMillis() > 1100);
        assertThat(IntStream.range(0, 2000).mapToObj(i -> wide.next(random)))
                .allMatch(d -> !d.isNegative()).contains(Duration.ZERO);
    }

    @Test
    void aNegativeLatencyKeepsTheConnectorFromStarting() {
        TestBankConnector connector = new TestBankConnector(pauses::add);
        Settings settings = Settings.of(Map.of("latency-millis", "-5"), connector.descriptor().settings());

        assertThatThrownBy(() -> connector.open(new ConnectorEnvironment(settings, Clock.systemUTC(),
                InstitutionHttp.plain(), null)))
                .hasMessageContaining("latency-millis").hasMessageContaining("0 or more");
    }

    @Test
    void theConnectorNamesEachNegativeLatencySettingSoThatTheServerRefusesIt() {
        TestBankConnector connector = new TestBankConnector(pauses::add);

        assertThat(connector.settingProblems(Settings.of(Map.of("latency-millis", "-5", "latency-jitter-millis", "-1"),
                connector.descriptor().settings()))).containsOnly(Map.entry("latency-millis", "must be 0 or more"),
                Map.entry("latency-jitter-millis", "must be 0 or more"));
        assertThat(connector.settingProblems(Settings.of(Map.of("latency-millis", "250", "latency-jitter-millis", "0"),
                connector.descriptor().settings()))).isEmpty();
        assertThat(connector.settingProblems(Settings.of(Map.of(), connector.descriptor().settings()))).isEmpty();
        assertThat(ConnectorLifecycle.settingProblems(connector, Map.of("latency-jitter-millis", "-3")))
                .containsExactly(Map.entry("latency-jitter-millis",
                        "setting 'latency-jitter-millis' must be 0 or more (configured: '-3')"));
    }

    private Dialogue slowBank(Map<String, String> settings) {
        Dialogue.Builder builder = Dialogue.with(new TestBankConnector(pauses::add)).source("directaccess")
                .mechanism(AuthMechanism.CREDENTIALS).field("login", "alice").field("password", "1234")
                .field("directaccesswebsite", "par").clock(new TestClock(Bank.NOW));
        settings.forEach(builder::setting);
        return builder.build();
    }
}
