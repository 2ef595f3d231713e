package dev.passerelle.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.ConnectionContext;
import dev.passerelle.connector.FailureReason;
import dev.passerelle.connector.Interruption;
import dev.passerelle.connector.StepResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectorCallsTest {

    private final ConnectorCalls calls = new ConnectorCalls(Clock.fixed(Instant.parse("2024-03-14T09:30:00Z"),
            ZoneOffset.UTC));

    @Test
    void aCallThatAnswersKeepsItsValueSessionAndLines() {
        Called<String> called = calls.call(context("old"), Set.of(), ctx -> {
            ctx.log().info("listing accounts");
            ctx.saveSession("new");
            return "ok";
        });

        assertThat(called).isInstanceOfSatisfying(Called.Returned.class, r -> assertThat(r.value()).isEqualTo("ok"));
        assertThat(called.session()).contains("new");
        assertThat(called.sessionWritten()).isTrue();
        assertThat(called.lines()).extracting(LogLine::message).containsExactly("listing accounts");
    }

    @Test
    void aSessionNotWrittenIsTheOneTheCallWasGiven() {
        Called<String> called = calls.call(context("old"), Set.of(), ctx -> "ok");

        assertThat(called.session()).contains("old");
        assertThat(called.sessionWritten()).isFalse();
    }

    @Test
    void whenTheConnectorThrowsThenABugFailureWithALineSayingWhatWasThrownWhereAndTheSessionKept() {
        Called<StepResult> called = calls.call(context("old"), Set.of(), ctx -> {
            ctx.saveSession("half-way");
            throw new IllegalStateException("unexpected page");
        });

        assertThat(called).isInstanceOfSatisfying(Called.Faulted.class, f -> {
            assertThat(f.outcome()).isEqualTo(StepResult.Failure.of(FailureReason.BUG, ConnectorCalls.FAULT_MESSAGE));
            assertThat(f.fault()).hasMessage("unexpected page");
        });
        assertThat(called.session()).contains("half-way");
        assertThat(called.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(LogLine.Level.WARN);
            assertThat(line.message()).startsWith("The connector failed: java.lang.IllegalStateException: unexpected page at ")
                    .contains("ConnectorCallsTest");
        });
    }

    @Test
    void anInterruptionIsTheOutcomeItCarries() {
        Called<List<String>> called = calls.call(context(null), Set.of(), ctx -> {
            throw Interruption.rateLimited("slow down", Duration.ofMinutes(2));
        });

        assertThat(called).isInstanceOfSatisfying(Called.Interrupted.class, i -> assertThat(i.outcome())
                .isEqualTo(StepResult.Failure.rateLimited("slow down", Duration.ofMinutes(2))));
        assertThat(called.lines()).extracting(LogLine::message)
                .containsExactly("The institution stopped the call: Failure RATE_LIMITED, retry after PT2M");
    }

    @Test
    void secretsNeverReachTheLinesWhateverTheConnectorWrites() {
        Called<String> called = calls.call(context(null), Set.of("s3cret", "s3cret-longer"), ctx -> {
            ctx.log().warn("logging in with s3cret-longer then s3cret");
            throw new IllegalArgumentException("bad password s3cret");
        });

        assertThat(called.lines()).extracting(LogLine::message)
                .allSatisfy(message -> assertThat(message).doesNotContain("s3cret"))
                .first().isEqualTo("logging in with **** then ****");
    }

    @Test
    void aVeryLongLineIsCutToStayReadable() {
        Called<String> called = calls.call(context(null), Set.of(), ctx -> {
            ctx.log().info("x".repeat(10_000));
            return "ok";
        });

        assertThat(called.lines().getFirst().message()).hasSize(CollectingLog.MAX_LENGTH).endsWith("…");
    }

    private static ConnectionContext.Builder context(String session) {
        return ConnectionContext.builder().source("web").clock(Clock.systemUTC()).session(session);
    }
}
