package dev.passerelle.xs2a.simulator.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Berlin Group's OpenAPI file, loaded from outside the project (it is CC BY 4.0 and not copied
 * here), used to validate every XS2A request the simulator receives and every response it sends.
 */
public final class SpecValidator {

    private final OpenApiInteractionValidator validator;
    private final String basePath;

    private SpecValidator(OpenApiInteractionValidator validator, String basePath) {
        this.validator = validator;
        this.basePath = basePath;
    }

    /** Loads the file; fails when it is missing or not an OpenAPI description. */
    public static SpecValidator load(Path file, String basePath) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The OpenAPI file " + file + " does not exist");
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl(file.toAbsolutePath().toUri().toString())
                .withBasePathOverride(basePath.isEmpty() ? "/" : basePath)
                .build();
        return new SpecValidator(validator, basePath);
    }

    /** What is wrong with the request, as the validator words it; empty when it conforms. */
    public List<String> validateRequest(Call call) {
        return errors(validator.validateRequest(request(call)));
    }

    /** What is wrong with the response to {@code call}; empty when it conforms. */
    public List<String> validateResponse(Call call, Response response) {
        SimpleResponse.Builder built = SimpleResponse.Builder.status(response.status());
        response.headers().forEach(built::withHeader);
        if (response.body().length > 0) {
            built.withBody(response.text());
        }
        return errors(validator.validateResponse(basePath + call.path(), Request.Method.valueOf(call.method()),
                built.build()));
    }

    private SimpleRequest request(Call call) {
        SimpleRequest.Builder built = new SimpleRequest.Builder(call.method(), basePath + call.path());
        call.headers().forEach(built::withHeader);
        call.queryParams().forEach(built::withQueryParam);
        byte[] body = call.body();
        if (body.length > 0) {
            built.withBody(call.bodyText());
        }
        return built.build();
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }
}
