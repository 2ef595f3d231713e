package dev.passerelle.runtime.state;

import dev.passerelle.connector.ChallengeImage;
import dev.passerelle.connector.FieldSpec;
import dev.passerelle.connector.StepResult;
import java.util.List;

/**
 * What a source in a user-action state asks the user for: the fields (a challenge's, or the
 * credentials to give again), and a challenge's extras.
 *
 * @param image        an image to show with the first field (a photoTAN), or {@code null}
 * @param attemptsLeft how many wrong answers the institution still accepts, or {@code null}
 * @param cancellable  whether the user may give the challenge up ({@link dev.passerelle.connector.Resume.Cancel})
 */
public record Prompt(List<FieldSpec> fields, ChallengeImage image, Integer attemptsLeft, boolean cancellable) {

    private static final Prompt NONE = new Prompt(List.of(), null, null, false);

    public Prompt {
        fields = List.copyOf(fields);
    }

    public static Prompt none() {
        return NONE;
    }

    /** Plain fields, as after rejected credentials. */
    public static Prompt asking(List<FieldSpec> fields) {
        return new Prompt(fields, null, null, false);
    }

    public static Prompt of(StepResult.Challenge challenge) {
        return new Prompt(challenge.fields(), challenge.image(), challenge.attemptsLeft(), challenge.cancellable());
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
