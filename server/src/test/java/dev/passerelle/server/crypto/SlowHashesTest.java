package dev.passerelle.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passerelle.server.crypto.SlowHashes.Check;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;

class SlowHashesTest {

    private final SlowHashes hashes = new SlowHashes(new SlowHashes.Settings(4));

    @Test
    void theRightSecretMatchesAndAWrongOneDoesNot() {
        String stored = hashes.hash("s3cret");

        assertThat(hashes.check("s3cret", stored)).isEqualTo(Check.RIGHT);
        assertThat(hashes.check("s3cret ", stored)).isEqualTo(Check.WRONG);
        assertThat(hashes.check("", stored)).isEqualTo(Check.WRONG);
    }

    @Test
    void secretsLongerThanBcryptReadsAreComparedWhole() {
        String prefix = "x".repeat(100);
        String stored = hashes.hash(prefix + "a");

        assertThat(hashes.check(prefix + "a", stored)).isEqualTo(Check.RIGHT);
        assertThat(hashes.check(prefix + "b", stored)).isEqualTo(Check.WRONG);
    }

    @Test
    void nothingStoredNeverMatches() {
        assertThat(hashes.check("anything", null)).isEqualTo(Check.WRONG);
    }

    @Test
    void theDecoyOfAnUnknownIdIsAWellFormedHashOfTodaysCostSoCheckingItRunsAWholeBcrypt() {
        SlowHashes stronger = new SlowHashes(new SlowHashes.Settings(5));
        BCryptPasswordEncoder costFive = new BCryptPasswordEncoder(BCryptVersion.$2B, 5);

        // a malformed hash would be refused before any hashing: the unknown id would answer faster
        assertThat(stronger.decoy()).matches("\\$2b\\$05\\$[./0-9A-Za-z]{53}");
        assertThat(costFive.upgradeEncoding(stronger.decoy())).isFalse();
        assertThat(stronger.decoy()).isNotEqualTo(new SlowHashes(new SlowHashes.Settings(5)).decoy());
    }

    @Test
    void anEarlierVersionsSha256MatchesAndAsksToBeReplaced() {
        String legacy = Secrets.sha256("s3cret");

        assertThat(hashes.check("s3cret", legacy)).isEqualTo(Check.RIGHT_REHASH);
        assertThat(hashes.check("other", legacy)).isEqualTo(Check.WRONG);
    }

    @Test
    void aHashOfALowerCostMatchesAndAsksToBeReplaced() {
        SlowHashes stronger = new SlowHashes(new SlowHashes.Settings(5));

        assertThat(stronger.check("s3cret", hashes.hash("s3cret"))).isEqualTo(Check.RIGHT_REHASH);
        assertThat(stronger.check("s3cret", stronger.hash("s3cret"))).isEqualTo(Check.RIGHT);
    }

    @Test
    void aCostOutsideBcryptsRangeIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new SlowHashes.Settings(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlowHashes.Settings(32)).isInstanceOf(IllegalArgumentException.class);
    }
}
