package dev.passerelle.berlingroup.sca;

import dev.passerelle.berlingroup.transport.Json;
import dev.passerelle.connector.ChallengeImage;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.FieldType;
import dev.passerelle.connector.ScaMethod;
import dev.passerelle.connector.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The questions of the embedded approach, built from the bank's answers (implementation guidelines,
 * "Embedded SCA approach"): the user id, the password, a choice among {@code scaMethods}, and the
 * one-time code of {@code chosenScaMethod} with its {@code challengeData} (an image such as a
 * photoTAN, a code to read, the format and length of the expected answer).
 */
final class Challenges {

    /** The answer field of the one-time code. */
    static final String TAN = "tan";
    /** The answer field of the SCA method choice. */
    static final String METHOD = "scamethod";

    private Challenges() {
    }

    static StepResult.Challenge psuId(String field) {
        return StepResult.Challenge.builder()
                .field(FieldSpec.text(field, "User ID"))
                .message("The bank asks for your user id")
                .cancellable(true)
                .build();
    }

    static StepResult.Challenge password(String passwordField, String psuIdField) {
        StepResult.Challenge.Builder challenge = StepResult.Challenge.builder();
        if (psuIdField != null) {
            challenge.field(FieldSpec.text(psuIdField, "User ID"));
        }
        return challenge.field(new FieldSpec(passwordField, "Password", "Your password at the bank", FieldType.PASSWORD,
                        true, null, List.of(), List.of(), Set.of()))
                .message("The bank asks for your password")
                .cancellable(true)
                .build();
    }

    /** The choice among the methods of {@code answer.scaMethods}. */
    static StepResult.Challenge method(JsonNode answer) {
        return StepResult.Challenge.builder()
                .chooseMethod(METHOD, "Authentication method", methods(answer))
                .message(Json.text(answer, "psuMessage").orElse("Choose how the bank should authenticate you"))
                .cancellable(true)
                .build();
    }

    static List<ScaMethod> methods(JsonNode answer) {
        List<ScaMethod> methods = new ArrayList<>();
        answer.path("scaMethods").forEach(method -> Json.text(method, "authenticationMethodId").ifPresent(id ->
                methods.add(new ScaMethod(id, label(method)))));
        return methods;
    }

    /**
     * The one-time code of the chosen method.
     *
     * @param image   the challenge's image, if it has one
     * @param message what to tell the user instead of the bank's words (after a wrong code), or {@code null}
     */
    static StepResult.Challenge tan(JsonNode answer, Optional<ChallengeImage> image, String message) {
        JsonNode method = answer.path("chosenScaMethod");
        JsonNode data = answer.path("challengeData");
        StringBuilder text = new StringBuilder(Optional.ofNullable(message)
                .or(() -> Json.text(answer, "psuMessage"))
                .or(() -> Json.text(data, "additionalInformation"))
                .orElse("Enter the one-time code the bank sent you"));
        List<String> codes = new ArrayList<>();
        data.path("data").forEach(code -> {
            if (code.isValueNode() && !code.asString().isBlank()) {
                codes.add(code.asString().strip());
            }
        });
        if (!codes.isEmpty()) {
            text.append(" (").append(String.join(" ", codes)).append(")");
        }
        String label = method.isObject() ? "One-time code (" + label(method) + ")" : "One-time code";
        StepResult.Challenge.Builder challenge = StepResult.Challenge.builder()
                .field(new FieldSpec(TAN, label, Json.text(method, "explanation").orElse(null), FieldType.TEXT, true,
                        format(data), List.of(), List.of(), Set.of()))
                .message(text.toString())
                .cancellable(true);
        image.ifPresent(challenge::image);
        return challenge.build();
    }

    /** The expected answer's form ({@code otpFormat}, {@code otpMaxLength}), as a pattern, or {@code null}. */
    private static String format(JsonNode data) {
        int max = data.path("otpMaxLength").asInt(0);
        String length = max > 0 ? "{1," + max + "}" : "+";
        return switch (Json.text(data, "otpFormat").orElse("")) {
            case "integer" -> "[0-9]" + length;
            case "characters" -> max > 0 ? ".{1," + max + "}" : null;
            default -> null;
        };
    }

    private static String label(JsonNode method) {
        return Json.text(method, "name").or(() -> Json.text(method, "explanation"))
                .orElseGet(() -> Json.text(method, "authenticationType").orElse("Authentication")
                        + Json.text(method, "authenticationVersion").map(v -> " " + v).orElse(""));
    }
}
