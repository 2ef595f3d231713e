package dev.passerelle.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import dev.passerelle.server.support.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Powens' own OpenAPI description ({@code powenscompany/powens-sdks}, {@code lib/specs}), read from
 * outside the project ({@code -Dpasserelle.spec.dir}; CI passes the {@code lib/specs} folder of a checkout of https://github.com/powenscompany/powens-sdks),
 * used to validate our real responses. Those files have defects and sometimes disagree with the
 * current documentation; every deliberate deviation is an entry of {@link SpecDeviation}, each with
 * its reason, mirrored in {@code docs/protocol.md}.
 */
final class PowensSpec {

    static final String DIR_PROPERTY = "passerelle.spec.dir";

    private final OpenApiInteractionValidator validator;

    private PowensSpec(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** Loads the spec; fails (never skips) when the directory is not given or not there. */
    static PowensSpec load() {
        String dir = System.getProperty(DIR_PROPERTY, "");
        assertThat(dir).as("-D%s must name the powens-sdks-specs directory", DIR_PROPERTY).isNotBlank();
        Path entry = Path.of(dir).toAbsolutePath().resolve("powens-api.yml");
        assertThat(Files.isRegularFile(entry)).as("%s exists", entry).isTrue();
        ValidationErrorsWhitelist allowList = ValidationErrorsWhitelist.create();
        for (SpecDeviation deviation : SpecDeviation.values()) {
            allowList = allowList.withRule(deviation.name(), WhitelistRules.allOf(
                    WhitelistRules.messageHasKey(deviation.messageKey()),
                    WhitelistRules.messageContains(deviation.messageFragment())));
        }
        return new PowensSpec(OpenApiInteractionValidator.createForSpecificationUrl(entry.toUri().toString())
                .withWhitelist(allowList)
                .build());
    }

    /** Asserts that {@code response} to {@code method path} matches the spec, deviations aside. */
    void assertConforms(String method, String path, TestApi.Response response) {
        SimpleResponse.Builder built = SimpleResponse.Builder.status(response.status())
                .withBody(response.text());
        String contentType = response.header("Content-Type");
        if (contentType != null) {
            built.withContentType(contentType);
        }
        ValidationReport report = validator.validateResponse("/2.0" + path.replaceFirst("\\?.*$", ""),
                Request.Method.valueOf(method), built.build());
        List<ValidationReport.Message> violations = report.getMessages().stream()
                .filter(m -> m.getLevel() != ValidationReport.Level.IGNORE) // allow-listed in SpecDeviation
                .toList();
        assertThat(violations)
                .as("%s %s → %s%nspec violations:%n%s", method, path, response,
                        violations.stream().map(m -> m.getKey() + " " + m).collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
