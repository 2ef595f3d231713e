package dev.passerelle.testbank;

import static dev.passerelle.testbank.ContextBuilder.aContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.Profile;
import org.junit.jupiter.api.Test;

class ProfileTest {

    private final TestBankConnector connector = new TestBankConnector();

    @Test
    void parProfileIsAFrenchPerson() {
        Profile profile = connector.profile(aContext().scenario("par").build()).orElseThrow();

        assertThat(profile.name()).matches("\\p{Lu}\\p{L}+ \\p{Lu}\\p{L}+");
        assertThat(profile.email()).endsWith("@example.org");
        assertThat(profile.phone()).startsWith("+33 6 ");
        assertThat(profile.address()).matches("\\d+ .+, \\d{5} .+");
    }

    @Test
    void proProfileIsACompany() {
        assertThat(connector.profile(aContext().scenario("pro").build()).orElseThrow().name()).endsWith(" SARL");
    }

    @Test
    void sameLoginGivesTheSameProfile() {
        assertThat(connector.profile(aContext().login("gina").build()))
                .isEqualTo(connector.profile(aContext().login("gina").build()));
    }

    @Test
    void openapiHasNoProfile() {
        assertThat(connector.profile(aContext().source("openapi").build())).isEmpty();
    }
}
