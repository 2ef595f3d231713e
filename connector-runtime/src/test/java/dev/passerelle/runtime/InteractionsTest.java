package dev.passerelle.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Interaction;
import org.junit.jupiter.api.Test;

class InteractionsTest {

    @Test
    void anInteractionLivesUnderThePublicUrlAndNamesItselfInItsOwnUrls() {
        Interaction interaction = Interactions.mint("https://api.example.com/2.0/");

        assertThat(interaction.registeredCallbackUrl()).hasToString("https://api.example.com/2.0/webauth/callback");
        assertThat(interaction.callbackUrl())
                .hasToString("https://api.example.com/2.0/webauth/callback/" + interaction.id());
        assertThat(interaction.refusalUrl())
                .hasToString("https://api.example.com/2.0/webauth/callback/" + interaction.id() + "/refused");
        assertThat(interaction.id()).matches("[A-Za-z0-9_-]{32}");
        assertThat(interaction.toString()).as("the id is a bearer secret of the trip").doesNotContain(interaction.id());
    }

    @Test
    void everyInteractionHasItsOwnId() {
        assertThat(Interactions.mint("https://a").id()).isNotEqualTo(Interactions.mint("https://a").id());
    }
}
