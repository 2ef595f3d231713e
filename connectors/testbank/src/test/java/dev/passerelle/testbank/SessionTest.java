package dev.passerelle.testbank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.testbank.Session.Stage;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTest {

    private static final Instant AT = Instant.parse("2024-03-14T09:35:00Z");

    @Test
    void otpSessionReadsBackAsWritten() {
        Session session = new Session("doubleotp", Stage.OTP, 1, AT, null);

        assertThat(Session.decode(session.encode())).contains(session);
    }

    @Test
    void decoupledSessionReadsBackAsWritten() {
        Session session = new Session("shortDecoupled", Stage.DECOUPLED, 0, null, AT);

        assertThat(Session.decode(session.encode())).contains(session);
    }

    @Test
    void sessionIsAShortKeyValueString() {
        assertThat(new Session("shortDecoupled", Stage.DECOUPLED, 0, null, AT).encode())
                .isEqualTo("scenario=shortDecoupled;stage=DECOUPLED;validatedAt=2024-03-14T09:35:00Z");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "scenario=par;stage=NOPE", "scenario=par;stage=OTP",
            "scenario=par;stage=DECOUPLED;validatedAt=yesterday", "stage=READY"})
    void unreadableSessionReadsAsNone(String encoded) {
        assertThat(Session.decode(encoded)).isEmpty();
    }
}
