package dev.passerelle.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.ChallengeImage;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.StepResult;
import dev.passerelle.runtime.state.Prompt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields a connection asks for on the wire (docs/protocol.md §2.4, §3.1), with a challenge's extras. */
class ConnectionFieldViewTest {

    @Test
    void aChallengesImageRidesOnItsFirstFieldAndTheAttemptsLeftOnEach() {
        StepResult.Challenge challenge = StepResult.Challenge.builder()
                .field(FieldSpec.text("tan", "TAN"))
                .field(FieldSpec.text("device", "Device"))
                .image(new ChallengeImage("image/png", new byte[] {1, 2, 3}, "photoTAN"))
                .attemptsLeft(2)
                .build();

        List<ConnectionFieldView> fields = ConnectionFieldView.of(Prompt.of(challenge));

        assertThat(fields).extracting(ConnectionFieldView::name).containsExactly("tan", "device");
        assertThat(fields).extracting(ConnectionFieldView::image).containsExactly("data:image/png;base64,AQID", null);
        assertThat(fields).extracting(ConnectionFieldView::attemptsLeft).containsExactly(2, 2);
    }

    @Test
    void plainFieldsCarryNoExtras() {
        List<ConnectionFieldView> fields = ConnectionFieldView.of(Prompt.asking(List.of(FieldSpec.text("login", "Login"))));

        assertThat(fields).singleElement().satisfies(field -> {
            assertThat(field.image()).isNull();
            assertThat(field.attemptsLeft()).isNull();
            assertThat(field.type()).isEqualTo("text");
        });
    }
}
