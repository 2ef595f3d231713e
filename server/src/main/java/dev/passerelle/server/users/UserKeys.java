package dev.passerelle.server.users;

import dev.passerelle.server.domainconfig.ConfigKey;
import dev.passerelle.server.domainconfig.ConfigKeys;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The domain configuration key of users: {@code users.temporary_lifetime_minutes}, how long a
 * temporary user lives before it is purged (docs/protocol.md §1.3: 30 min, as long as its token, the
 * least it may be).
 */
@Component
class UserKeys implements ConfigKeys {

    private final ConfigKey<Duration> temporaryLifetime = ConfigKey.period("users.temporary_lifetime_minutes",
            ChronoUnit.MINUTES, UserAccounts.TEMPORARY_LIFETIME.toMinutes(), Duration.ofDays(7).toMinutes(),
            UserAccounts.TEMPORARY_LIFETIME,
            "Minutes a temporary user lives before it is purged, unless made permanent (at least its token's 30)");

    ConfigKey<Duration> temporaryLifetime() {
        return temporaryLifetime;
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(temporaryLifetime);
    }
}
