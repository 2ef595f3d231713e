package dev.passerelle.xs2a.simulator.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
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

    /**
     * The OpenAPI file's defects, each allowed on these paths only (docs/berlin-group-simulator.md,
     * "Validation against the OpenAPI file"): its oneOf alternatives overlap, so conforming messages fail.
     */
    private static final String AUTHORISATIONS = "/authorisations(/[^/]+)?$";

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
                .withWhitelist(ValidationErrorsWhitelist.create()
                        .withRule("The request bodies of the authorisation endpoints are oneOf [{}, "
                                        + "updatePsuAuthentication, selectPsuAuthenticationMethod, transactionAuthorisation]: "
                                        + "the empty schema matches every body, so a valid body always matches two",
                                WhitelistRules.allOf(WhitelistRules.isRequest(),
                                        WhitelistRules.messageHasKey("validation.request.body.schema.oneOf"),
                                        WhitelistRules.pathContainsRegexp(AUTHORISATIONS)))
                        .withRule("The 200 of an update of PSU data is oneOf five responses that all require only "
                                        + "scaStatus (and _links), so a valid response matches several",
                                WhitelistRules.allOf(WhitelistRules.isResponse(),
                                        WhitelistRules.messageHasKey("validation.response.body.schema.oneOf"),
                                        WhitelistRules.pathContainsRegexp(AUTHORISATIONS))))
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
