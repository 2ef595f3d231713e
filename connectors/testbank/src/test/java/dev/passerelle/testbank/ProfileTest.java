package dev.passerelle.testbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.connector.Capability;
import dev.passerelle.connector.Profile;
import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void parProfileIsAFrenchPerson() {
        Profile profile = Bank.directaccess("par").profile().orElseThrow();

        assertThat(profile.name()).matches("\\p{Lu}\\p{L}+ \\p{Lu}\\p{L}+");
        assertThat(profile.email()).endsWith("@example.org");
        assertThat(profile.phone()).startsWith("+33 6 ");
        assertThat(profile.address()).matches("\\d+ .+, \\d{5} .+");
    }

    @Test
    void proProfileIsACompany() {
        assertThat(Bank.directaccess("pro").profile().orElseThrow().name()).endsWith(" SARL");
    }

    @Test
    void sameLoginGivesTheSameProfile() {
        assertThat(Bank.directaccess("par").profile()).isEqualTo(Bank.directaccess("SCARequired").profile());
    }

    @Test
    void openapiDeclaresNoProfileSoTheServerNeverAsksIt() {
        assertThat(new TestBankConnector().descriptor().source("openapi").orElseThrow().has(Capability.PROFILE)).isFalse();
        assertThatThrownBy(() -> Bank.credentials("openapi", "par").build().profile())
                .hasMessageContaining("does not declare PROFILE");
    }
}
