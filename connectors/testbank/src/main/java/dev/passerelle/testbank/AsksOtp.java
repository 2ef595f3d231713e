package dev.passerelle.testbank;

import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.Resume;
import dev.passerelle.connector.StepResult;
import dev.passerelle.testbank.Session.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The bank sends one-time codes, one round per code, all asked in the field {@code openapisms}
 * whose label tells the code to type, as Powens' sandbox does ("Dites abcd")
 * ({@code additionalInformationNeeded}, {@code doubleotp}).
 */
final class AsksOtp extends NeedsUserToAuthenticate {

    static final String FIELD = "openapisms";

    private final List<String> codes;

    private AsksOtp(List<String> codes) {
        this.codes = List.copyOf(codes);
    }

    static AsksOtp once() {
        return new AsksOtp(List.of("abcd"));
    }

    static AsksOtp twice() {
        return new AsksOtp(List.of("abcd", "efgh"));
    }

    @Override
    public StepResult start(Attempt attempt) {
        return challenge(attempt, 0, prompt(0), freshExpiry(attempt));
    }

    @Override
    public StepResult resume(Attempt attempt, Resume input) {
        Session pending = attempt.previous()
                .filter(session -> session.stage() == Stage.OTP && session.round() < codes.size())
                .orElse(null);
        if (pending == null) {
            return start(attempt);
        }
        int round = pending.round();
        if (attempt.now().isAfter(pending.expiresAt())) {
            return challenge(attempt, round, "The code has expired; a new one has been sent. " + prompt(round),
                    freshExpiry(attempt));
        }
        String answer = input instanceof Resume.Answers answers ? answers.value(FIELD).orElse("") : "";
        if (!answer.equals(codes.get(round))) {
            return challenge(attempt, round, "The code is wrong. " + prompt(round), pending.expiresAt());
        }
        int next = round + 1;
        return next < codes.size() ? challenge(attempt, next, prompt(next), freshExpiry(attempt)) : attempt.success();
    }

    private StepResult challenge(Attempt attempt, int round, String message, Instant expiresAt) {
        attempt.remember(Stage.OTP, round, expiresAt, null);
        FieldSpec field = FieldSpec.text(FIELD, label(round))
                .withLabels(Map.of("fr", label(round), "en", "Type " + codes.get(round)));
        return StepResult.Challenge.builder().field(field).message(message).expiresAt(expiresAt).build();
    }

    private String label(int round) {
        return "Dites " + codes.get(round);
    }

    private String prompt(int round) {
        return FIELD + ": " + label(round);
    }

    private static Instant freshExpiry(Attempt attempt) {
        return attempt.now().plus(attempt.timings().otpExpiry());
    }
}
