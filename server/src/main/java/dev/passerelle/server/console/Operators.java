package dev.passerelle.server.console;

import static dev.passerelle.server.config.DbTime.utc;

import dev.passerelle.runtime.host.SealedColumn;
import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.audit.ConfigChanges;
import dev.passerelle.server.config.DbTime;
import dev.passerelle.server.crypto.AtRestCipher;
import dev.passerelle.server.crypto.SlowHashes;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * The console's operators: passwords stored as bcrypt ({@link SlowHashes}), an optional TOTP key
 * sealed at rest, and the lockout of a login name after repeated failures, counted in the database
 * so that every instance sees them, and for unknown names as for known ones (a lock tells nothing
 * of who exists). Every change is audited ({@code operator.<login>}).
 */
@Service
public class Operators {

    /** The at-rest purpose of {@code console_operator.totp_secret}. */
    static final String TOTP_SECRET = "console_operator.totp_secret";
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 200;
    /** A hash given in the configuration: plain bcrypt of the password, kept with this mark. */
    private static final String CONFIGURED_BCRYPT = "{bcrypt}";
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, login, totp_enabled, from_config, created, last_login";

    private final JdbcClient jdbc;
    private final SlowHashes hashes;
    private final AtRestCipher cipher;
    private final ConfigChanges changes;
    private final ConsoleProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    Operators(JdbcClient jdbc, SlowHashes hashes, AtRestCipher cipher, ConfigChanges changes, ConsoleProperties properties,
              ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.cipher = cipher;
        this.changes = changes;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** Why a login was refused: the same for a wrong name and a wrong password; a lock says until when. */
    sealed interface LoginRefused {
        record WrongCredentials() implements LoginRefused {
        }

        record Locked(Instant until) implements LoginRefused {
        }
    }

    /** What a login attempt gave: the operator, or why not. */
    record LoginResult(Operator operator, LoginRefused refused) {
    }

    public List<Operator> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM console_operator ORDER BY login").query(Operators::operator).list();
    }

    public Optional<Operator> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM console_operator WHERE id = :id").param("id", id)
                .query(Operators::operator).optional();
    }

    public Optional<Operator> byLogin(String login) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM console_operator WHERE login = :login")
                .param("login", normalized(login)).query(Operators::operator).optional();
    }

    /**
     * Seeds an operator from configuration: created, or given the configured password and TOTP key
     * again. {@code password} may be a bcrypt hash ({@code $2a$}, {@code $2b$}, {@code $2y$}).
     * The operator when it existed with another password or TOTP key: its sessions, opened with the
     * credentials the configuration just replaced, are to end (OWASP ASVS V3.3: a credential
     * change ends the other sessions).
     */
    Optional<Operator> seed(String login, String password, String totpSecret) {
        return seed(login, password, totpSecret, true);
    }

    /** The first operator, with a generated password: created once, then the console's to change. */
    void seedFirst(String login, String password) {
        seed(login, password, null, false);
    }

    /**
     * Deletes the operators seeded from configuration that it no longer lists, and their sessions
     * with them: the console cannot delete such an operator, so taking it out of the configuration
     * is how one is revoked.
     */
    void retireAllBut(List<String> configured) {
        List<String> kept = configured.stream().map(Operators::normalized).toList();
        List<Operator> retired = all().stream().filter(operator -> operator.fromConfig() && !kept.contains(operator.login()))
                .toList();
        if (retired.isEmpty()) {
            return;
        }
        changes.apply(ChangedBy.CONFIGURATION, record -> {
            retired.forEach(operator -> {
                jdbc.sql("DELETE FROM console_operator WHERE id = :id").param("id", operator.id()).update();
                record.changed(key(operator.login()), describe(operator.totpEnabled(), true), null);
            });
            return null;
        });
    }

    private Optional<Operator> seed(String login, String password, String totpSecret, boolean fromConfig) {
        String name = checkedLogin(login);
        String hash = password.startsWith("$2") ? CONFIGURED_BCRYPT + password : hashes.hash(password);
        byte[] totp = totpSecret == null || totpSecret.isBlank() ? null : Base32.decode(totpSecret);
        String sealedKey = totp == null ? null : cipher.encrypt(Base64.getEncoder().encodeToString(totp), TOTP_SECRET);
        return changes.apply(ChangedBy.CONFIGURATION, record -> {
            Optional<Operator> known = byLogin(name);
            if (known.isEmpty()) {
                jdbc.sql("""
                                INSERT INTO console_operator (login, password_hash, totp_secret, totp_enabled, from_config, created)
                                VALUES (:login, :hash, :totp, :enabled, :config, :now)""")
                        .param("login", name).param("hash", hash).param("totp", sealedKey).param("enabled", sealedKey != null)
                        .param("config", fromConfig).param("now", utc(clock.instant())).update();
                record.changed(key(name), null, describe(sealedKey != null, fromConfig));
                return Optional.<Operator>empty();
            }
            boolean sameCredentials = samePassword(known.get().id(), password)
                    && Arrays.equals(known.get().totpEnabled() ? totpKey(known.get().id()).orElse(null) : null, totp);
            jdbc.sql("""
                            UPDATE console_operator SET password_hash = :hash, totp_secret = :totp, totp_enabled = :enabled,
                            from_config = TRUE WHERE id = :id""")
                    .param("hash", hash).param("totp", sealedKey).param("enabled", sealedKey != null)
                    .param("id", known.get().id()).update();
            record.changed(key(name), describe(known.get().totpEnabled(), known.get().fromConfig()),
                    describe(sealedKey != null, true));
            return sameCredentials ? Optional.<Operator>empty() : known;
        });
    }

    /** Whether {@code configured} (a password, or a bcrypt hash of one) is the operator's password already. */
    private boolean samePassword(long id, String configured) {
        if (configured.startsWith("$2")) {
            return jdbc.sql("SELECT password_hash FROM console_operator WHERE id = :id").param("id", id)
                    .query(String.class).single().equals(CONFIGURED_BCRYPT + configured);
        }
        return passwordMatches(id, configured);
    }

    /** A new operator with {@code password} (at least 12 characters); 400 for a taken or malformed login. */
    public Operator create(String login, String password, ChangedBy who) {
        String name = checkedLogin(login);
        String hash = hashes.hash(checkedPassword(password));
        return changes.apply(who, record -> {
            if (byLogin(name).isPresent()) {
                throw ApiError.CONFLICT.exception("An operator '" + name + "' exists already");
            }
            jdbc.sql("""
                            INSERT INTO console_operator (login, password_hash, totp_enabled, from_config, created)
                            VALUES (:login, :hash, FALSE, FALSE, :now)""")
                    .param("login", name).param("hash", hash).param("now", utc(clock.instant())).update();
            record.changed(key(name), null, describe(false, false));
            return byLogin(name).orElseThrow();
        });
    }

    /** Deletes an operator created in the console, and its sessions; the last operator stays. */
    public void delete(long id, ChangedBy who) {
        changes.apply(who, record -> {
            Operator operator = find(id).orElseThrow(() -> ApiError.NOT_FOUND.exception("No operator " + id));
            if (operator.fromConfig()) {
                throw ApiError.CONFLICT.exception("Operator '" + operator.login()
                        + "' comes from passerelle.console.operators: remove it there");
            }
            if (all().size() == 1) {
                throw ApiError.CONFLICT.exception("The last operator cannot be deleted");
            }
            jdbc.sql("DELETE FROM console_operator WHERE id = :id").param("id", id).update();
            record.changed(key(operator.login()), describe(operator.totpEnabled(), false), null);
            return null;
        });
    }

    /**
     * Changes an operator's own password, after checking the current one. A wrong current password
     * is a failed login of the operator's name, and a locked name changes nothing: else whoever holds
     * a session (a computer left unlocked) could guess the password here without end.
     */
    public void changePassword(long id, String current, String replacement, ChangedBy who) {
        Operator operator = find(id).orElseThrow(() -> ApiError.NOT_FOUND.exception("No operator " + id));
        if (operator.fromConfig()) {
            throw ApiError.CONFLICT.exception("This operator's password comes from passerelle.console.operators");
        }
        Optional<LoginRefused> refused = guarded(operator.login(), clock.instant(), () -> passwordMatches(id, current));
        if (refused.isPresent()) {
            throw refused.get() instanceof LoginRefused.Locked
                    ? ApiError.TOO_MANY_REQUESTS.exception("Too many wrong passwords: this login is locked for a while")
                    : ApiError.INVALID_VALUE.exception("The current password is wrong");
        }
        String hash = hashes.hash(checkedPassword(replacement));
        changes.apply(who, record -> {
            jdbc.sql("UPDATE console_operator SET password_hash = :hash WHERE id = :id").param("hash", hash).param("id", id)
                    .update();
            record.changed(key(operator.login()) + ".password", "(previous password, not shown)", "(new password, not shown)");
            return null;
        });
    }

    /**
     * Checks a login and password; counts a failure against the login name (known or not) and locks
     * it after {@code lockout-failures} in a row, for {@code lockout-duration}. A locked name is
     * refused whatever the password, without checking it.
     */
    LoginResult logIn(String login, String password) {
        String name = normalized(login);
        Optional<Long> id = byLogin(name).map(Operator::id);
        Optional<LoginRefused> refused = guarded(name, clock.instant(), () -> id.map(operator -> passwordMatches(operator, password))
                .orElseGet(() -> {
                    hashes.check(password == null ? "" : password, null); // as long as a wrong password
                    return false;
                }));
        return refused.map(refusal -> new LoginResult(null, refusal))
                .orElseGet(() -> new LoginResult(find(id.orElseThrow()).orElseThrow(), null));
    }

    /**
     * Checks a TOTP code of the operator; a code works once (its step is remembered), and a wrong one
     * counts as a failed login.
     */
    LoginResult secondFactor(long operatorId, String code) {
        Operator operator = find(operatorId).orElseThrow(() -> ApiError.NOT_FOUND.exception("No operator " + operatorId));
        Instant now = clock.instant();
        Optional<LoginRefused> refused = guarded(operator.login(), now, () -> {
            OptionalLong step = totpKey(operatorId).map(key -> Totp.match(key, code, now)).orElse(OptionalLong.empty());
            return step.isPresent() && jdbc.sql("""
                            UPDATE console_operator SET totp_last_step = :step
                            WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                    .param("step", step.getAsLong()).param("id", operatorId).update() == 1;
        });
        return new LoginResult(refused.isPresent() ? null : operator, refused.orElse(null));
    }

    /** A successful login: the failures of the name are forgotten. */
    void loggedIn(Operator operator) {
        jdbc.sql("DELETE FROM console_login_failure WHERE login = :login").param("login", operator.login()).update();
        jdbc.sql("UPDATE console_operator SET last_login = :now WHERE id = :id")
                .param("now", utc(clock.instant())).param("id", operator.id()).update();
    }

    /** A new TOTP key for the operator, not in force until {@link #confirmTotp} checks a code of it; base32. */
    public String startTotp(long id) {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        jdbc.sql("UPDATE console_operator SET totp_secret = :secret WHERE id = :id AND totp_enabled = FALSE")
                .param("secret", cipher.encrypt(Base64.getEncoder().encodeToString(key), TOTP_SECRET))
                .param("id", id).update();
        return Base32.encode(key);
    }

    /** Turns the second factor on once the operator typed a code of the key from {@link #startTotp}. */
    public void confirmTotp(long id, String code, ChangedBy who) {
        Operator operator = find(id).orElseThrow(() -> ApiError.NOT_FOUND.exception("No operator " + id));
        byte[] key = totpKey(id).orElseThrow(() -> ApiError.CONFLICT.exception("Start the enrolment again"));
        OptionalLong step = Totp.match(key, code, clock.instant());
        if (step.isEmpty()) {
            throw ApiError.INVALID_VALUE.exception("This code is not the one the app shows now");
        }
        changes.apply(who, record -> {
            jdbc.sql("UPDATE console_operator SET totp_enabled = TRUE, totp_last_step = :step WHERE id = :id")
                    .param("step", step.getAsLong()).param("id", id).update();
            record.changed(key(operator.login()), describe(false, operator.fromConfig()), describe(true, operator.fromConfig()));
            return null;
        });
    }

    /** Turns the second factor off (an operator who lost the app; another operator does it). */
    public void resetTotp(long id, ChangedBy who) {
        Operator operator = find(id).orElseThrow(() -> ApiError.NOT_FOUND.exception("No operator " + id));
        if (operator.fromConfig()) {
            throw ApiError.CONFLICT.exception("This operator's second factor comes from passerelle.console.operators");
        }
        changes.apply(who, record -> {
            jdbc.sql("UPDATE console_operator SET totp_enabled = FALSE, totp_secret = NULL, totp_last_step = NULL WHERE id = :id")
                    .param("id", id).update();
            record.changed(key(operator.login()), describe(operator.totpEnabled(), false), describe(false, false));
            return null;
        });
    }

    /** Whether there is an operator at all (else the start-up makes one). */
    boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM console_operator").query(Long.class).single() > 0;
    }

    private Optional<byte[]> totpKey(long id) {
        return jdbc.sql("SELECT totp_secret FROM console_operator WHERE id = :id").param("id", id)
                .query(String.class).optional()
                .filter(sealed -> sealed != null)
                .map(sealed -> Base64.getDecoder().decode(cipher.decrypt(sealed, TOTP_SECRET)));
    }

    private boolean passwordMatches(long id, String password) {
        String stored = jdbc.sql("SELECT password_hash FROM console_operator WHERE id = :id").param("id", id)
                .query(String.class).single();
        String presented = password == null ? "" : password;
        if (stored.startsWith(CONFIGURED_BCRYPT)) {
            return BCrypt.checkpw(presented, stored.substring(CONFIGURED_BCRYPT.length()));
        }
        return hashes.check(presented, stored).right();
    }

    private Optional<Instant> lockedUntil(String login, Instant now) {
        return jdbc.sql("SELECT locked_until FROM console_login_failure WHERE login = :login").param("login", login)
                .query((rs, n) -> Optional.ofNullable(DbTime.instant(rs, "locked_until"))).optional()
                .flatMap(until -> until).filter(now::isBefore);
    }

    /**
     * Checks a password or code presented for {@code login} under the lockout; empty when it is right.
     * The attempt is counted before the check, by one statement that also refuses a locked name, so
     * that attempts sent at once cannot all pass a lock that none of them has counted yet (OWASP ASVS
     * V2.2.1): those beyond {@code lockout-failures} are refused unchecked. A right one takes its
     * count back; the wrong one that reaches the limit locks the name for {@code lockout-duration}.
     * The count only grows while attempts race (a lock keeps it; the first attempt after the lock
     * starts it again at one), so the count an attempt reads after its own is at least its own: one
     * beyond the limit can never read a count under it and be checked.
     */
    private Optional<LoginRefused> guarded(String login, Instant now, BooleanSupplier check) {
        jdbc.sql("INSERT INTO console_login_failure (login, failures) VALUES (:login, 0) ON CONFLICT DO NOTHING")
                .param("login", login).update();
        boolean counted = jdbc.sql("""
                        UPDATE console_login_failure
                        SET failures = CASE WHEN locked_until IS NULL THEN failures + 1 ELSE 1 END, locked_until = NULL
                        WHERE login = :login AND (locked_until IS NULL OR locked_until <= :now)""")
                .param("login", login).param("now", utc(now)).update() == 1;
        if (!counted) {
            return Optional.of(new LoginRefused.Locked(lockedUntil(login, now).orElse(now)));
        }
        int attempt = jdbc.sql("SELECT failures FROM console_login_failure WHERE login = :login").param("login", login)
                .query(Integer.class).single();
        if (attempt > properties.lockoutFailures()) {
            return Optional.of(lock(login, now));
        }
        if (check.getAsBoolean()) {
            jdbc.sql("UPDATE console_login_failure SET failures = failures - 1 WHERE login = :login AND failures > 0")
                    .param("login", login).update();
            return Optional.empty();
        }
        return Optional.of(attempt == properties.lockoutFailures() ? lock(login, now) : new LoginRefused.WrongCredentials());
    }

    private LoginRefused lock(String login, Instant now) {
        Instant until = now.plus(properties.lockoutDuration());
        jdbc.sql("UPDATE console_login_failure SET locked_until = :until WHERE login = :login")
                .param("until", utc(until)).param("login", login).update();
        return new LoginRefused.Locked(until);
    }

    private static String checkedLogin(String login) {
        String name = normalized(login);
        if (!LOGIN.matcher(name).matches()) {
            throw ApiError.INVALID_VALUE.exception("A login is 1 to 100 lower-case letters, digits, '.', '_', '@' or '-'");
        }
        return name;
    }

    private static String checkedPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiError.INVALID_VALUE.exception("A password is " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        return password;
    }

    private static String normalized(String login) {
        String name = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    /** An operator as the audit log shows it: never its password or key. */
    private String describe(boolean totp, boolean fromConfig) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("second_factor", totp);
        shown.put("from_configuration", fromConfig);
        return json.writeValueAsString(shown);
    }

    private static String key(String login) {
        return "operator." + login;
    }

    private static Operator operator(ResultSet rs, int row) throws SQLException {
        return new Operator(rs.getLong("id"), rs.getString("login"), rs.getBoolean("totp_enabled"),
                rs.getBoolean("from_config"), DbTime.instant(rs, "created"), DbTime.instant(rs, "last_login"));
    }

    /** Declared for key rotation ({@code rekey}). */
    @Bean
    static SealedColumn consoleOperatorTotpSecret() {
        return new SealedColumn("console_operator", "totp_secret", TOTP_SECRET);
    }
}
