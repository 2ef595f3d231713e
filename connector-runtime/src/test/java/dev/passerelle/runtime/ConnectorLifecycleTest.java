package dev.passerelle.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Account;
import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConnectorDescriptor;
import dev.passerelle.connector.ConnectorEnvironment;
import dev.passerelle.connector.ConnectorLog;
import dev.passerelle.connector.MutualTls;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.SettingSpec;
import dev.passerelle.connector.Settings;
import dev.passerelle.connector.SourceDescriptor;
import dev.passerelle.connector.Spi;
import dev.passerelle.connector.StepResult;
import dev.passerelle.connector.Transaction;
import dev.passerelle.runtime.ConnectorLifecycle.Started;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorLifecycleTest {

    private static final SettingSpec API_KEY = SettingSpec.of("api-key", SettingSpec.Type.SECRET, "the bank's key")
            .asRequired();
    private static final SettingSpec PAGES = SettingSpec.of("pages", SettingSpec.Type.INTEGER, "pages to read, 1 or more")
            .withDefault("1");

    @TempDir
    Path dir;

    @Test
    void aConnectorWhoseSettingsAreCompleteIsOpenedWithThemAndRuns() {
        Bank bank = new Bank(Spi.VERSION, List.of(API_KEY));

        Started started = ConnectorLifecycle.start(bank, Map.of("api-key", "k-123"), Clock.systemUTC(),
                ConnectorLog.discarding());

        assertThat(started).isInstanceOfSatisfying(Started.Running.class, running ->
                assertThat(running.connector().settings().secret("api-key")).contains("k-123"));
        assertThat(bank.events).containsExactly("open k-123");
    }

    @Test
    void aConnectorWrittenForAnotherSpiVersionIsRefusedUnopened() {
        Bank bank = new Bank(Spi.VERSION + 1, List.of());

        Started started = ConnectorLifecycle.start(bank, Map.of(), Clock.systemUTC(), ConnectorLog.discarding());

        assertThat(started).isInstanceOfSatisfying(Started.Refused.class, refused -> assertThat(refused.reason())
                .isEqualTo("it is written for SPI version " + (Spi.VERSION + 1) + "; this server runs version "
                        + Spi.VERSION));
        assertThat(bank.events).isEmpty();
    }

    @Test
    void aMissingRequiredSettingIsRefusedWithItsNameAndDescription() {
        Bank bank = new Bank(Spi.VERSION, List.of(API_KEY));

        Started started = ConnectorLifecycle.start(bank, Map.of(), Clock.systemUTC(), ConnectorLog.discarding());

        assertThat(started).isInstanceOfSatisfying(Started.Refused.class, refused -> assertThat(refused.reason())
                .isEqualTo("setting 'api-key' is required: the bank's key"));
        assertThat(bank.events).isEmpty();
    }

    @Test
    void aKeyStoreThatCannotBeReadIsRefusedNamingTheSetting() throws Exception {
        Path notAStore = Files.writeString(dir.resolve("qwac.p12"), "not a PKCS#12 file");
        Bank bank = new Bank(Spi.VERSION, MutualTls.settings());

        Started started = ConnectorLifecycle.start(bank, Map.of(MutualTls.KEY_STORE, notAStore.toString(),
                MutualTls.KEY_STORE_PASSWORD, "secret"), Clock.systemUTC(), ConnectorLog.discarding());

        assertThat(started).isInstanceOfSatisfying(Started.Refused.class, refused -> assertThat(refused.reason())
                .startsWith("setting '" + MutualTls.KEY_STORE + "' names " + notAStore).doesNotContain("secret"));
        assertThat(bank.events).isEmpty();
    }

    @Test
    void aConnectorWhoseOpenThrowsIsRefusedWithTheCause() {
        Bank bank = new Bank(Spi.VERSION, List.of());
        bank.openFault = new IllegalStateException("no route to the bank");

        Started started = ConnectorLifecycle.start(bank, Map.of(), Clock.systemUTC(), ConnectorLog.discarding());

        assertThat(started).isInstanceOfSatisfying(Started.Refused.class, refused -> {
            assertThat(refused.reason()).contains("no route to the bank");
            assertThat(refused.cause()).isSameAs(bank.openFault);
        });
    }

    @Test
    void aValueTheConnectorsOwnRulesRefuseIsRefusedUnopenedNamingTheSetting() {
        Bank bank = new Bank(Spi.VERSION, List.of(API_KEY, PAGES));

        Started started = ConnectorLifecycle.start(bank, Map.of("api-key", "k-123", "pages", "-2"), Clock.systemUTC(),
                ConnectorLog.discarding());

        assertThat(started).isInstanceOfSatisfying(Started.Refused.class, refused -> assertThat(refused.reason())
                .isEqualTo("setting 'pages' must be 1 or more (configured: '-2')"));
        assertThat(bank.events).isEmpty();
    }

    @Test
    void theSettingsAreCheckedWithoutStartingAnythingSettingBySetting() throws Exception {
        Path notAStore = Files.writeString(dir.resolve("qwac.p12"), "not a PKCS#12 file");
        List<SettingSpec> specs = new ArrayList<>(List.of(API_KEY, PAGES));
        specs.addAll(MutualTls.settings());
        Bank bank = new Bank(Spi.VERSION, specs);

        Map<String, String> problems = ConnectorLifecycle.settingProblems(bank, Map.of("pages", "0",
                MutualTls.KEY_STORE, notAStore.toString(), MutualTls.KEY_STORE_PASSWORD, "s3cret"));

        assertThat(problems).containsOnlyKeys("api-key", "pages", MutualTls.KEY_STORE);
        assertThat(problems.get("api-key")).isEqualTo("setting 'api-key' is required: the bank's key");
        assertThat(problems.get("pages")).isEqualTo("setting 'pages' must be 1 or more (configured: '0')");
        assertThat(problems.get(MutualTls.KEY_STORE)).startsWith("setting '" + MutualTls.KEY_STORE + "' names " + notAStore);
        assertThat(String.join(" ", problems.values())).doesNotContain("s3cret");
        assertThat(bank.events).isEmpty();
        assertThat(ConnectorLifecycle.settingProblems(bank, Map.of("api-key", "k", "pages", "3"))).isEmpty();
    }

    @Test
    void theConnectorsOwnRulesOnlySeeValuesThatReadAsTheirType() {
        Bank bank = new Bank(Spi.VERSION, List.of(API_KEY, PAGES));

        Map<String, String> problems = ConnectorLifecycle.settingProblems(bank, Map.of("api-key", "k", "pages", "many"));

        assertThat(problems).containsExactly(Map.entry("pages", "setting 'pages' is not a whole number (configured: 'many')"));
    }

    @Test
    void aConnectorWhoseSettingsCheckThrowsIsRefusedWithTheCause() {
        Bank bank = new Bank(Spi.VERSION, List.of(PAGES));
        bank.checkFault = new IllegalStateException("check broken");

        Started started = ConnectorLifecycle.start(bank, Map.of(), Clock.systemUTC(), ConnectorLog.discarding());

        assertThat(started).isInstanceOfSatisfying(Started.Refused.class, refused -> {
            assertThat(refused.reason()).contains("check broken");
            assertThat(refused.cause()).isSameAs(bank.checkFault);
        });
        assertThat(bank.events).isEmpty();
    }

    @Test
    void stoppingClosesTheConnectorAndHandsBackWhatItThrew() {
        Bank bank = new Bank(Spi.VERSION, List.of());
        RunningConnector running = ((Started.Running) ConnectorLifecycle.start(bank, Map.of(), Clock.systemUTC(),
                ConnectorLog.discarding())).connector();
        bank.closeFault = new IllegalStateException("pool already closed");

        assertThat(ConnectorLifecycle.stop(running)).containsSame(bank.closeFault);
        assertThat(bank.events).containsExactly("open ", "close");
    }

    /** A connector that records its lifecycle. */
    private static final class Bank implements Connector {
        private final ConnectorDescriptor descriptor;
        private final List<String> events = new ArrayList<>();
        private RuntimeException openFault;
        private RuntimeException closeFault;
        private RuntimeException checkFault;

        Bank(int spiVersion, List<SettingSpec> settings) {
            this.descriptor = ConnectorDescriptor.builder(90, UUID.randomUUID(), "Lifecycle bank").spiVersion(spiVersion)
                    .settings(settings).sources(List.of(SourceDescriptor.builder(900, "directaccess").build())).build();
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return descriptor;
        }

        /** Its own rule: at least one page, when it reads pages. */
        @Override
        public Map<String, String> settingProblems(Settings settings) {
            if (checkFault != null) {
                throw checkFault;
            }
            boolean readsPages = descriptor.settings().stream().anyMatch(spec -> spec.name().equals("pages"));
            return readsPages && settings.integer("pages") < 1 ? Map.of("pages", "must be 1 or more") : Map.of();
        }

        @Override
        public void open(ConnectorEnvironment environment) {
            if (openFault != null) {
                throw openFault;
            }
            events.add("open " + environment.settings().secret("api-key").orElse(""));
        }

        @Override
        public void close() {
            events.add("close");
            if (closeFault != null) {
                throw closeFault;
            }
        }

        @Override
        public StepResult start(ConnectionContext ctx) {
            return StepResult.Success.of();
        }

        @Override
        public StepResult resume(ConnectionContext ctx, Resume input) {
            return StepResult.Success.of();
        }

        @Override
        public StepResult sync(ConnectionContext ctx) {
            return StepResult.Success.of();
        }

        @Override
        public List<Account> accounts(ConnectionContext ctx) {
            return List.of();
        }

        @Override
        public List<Transaction> transactions(ConnectionContext ctx, Account account, LocalDate since) {
            return List.of();
        }
    }
}
