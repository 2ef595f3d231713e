package dev.passerelle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiErrorCatalogueTest {

    @Test
    void noTwoEntriesShareCodeAndStatus() {
        Set<String> seen = new HashSet<>();
        for (ApiError error : ApiError.values()) {
            assertThat(seen.add(error.code() + "/" + error.status().value()))
                    .as("%s duplicates another entry", error).isTrue();
        }
    }

    @Test
    void theProtocolDocumentListsEveryCode() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "protocol.md"));

        assertThat(Arrays.stream(ApiError.values()))
                .allSatisfy(e -> assertThat(doc).as("docs/protocol.md names %s", e).contains("`" + e.code() + "`"));
    }

    @Test
    void everyEntryHasADescriptionForDevelopers() {
        assertThat(Arrays.stream(ApiError.values())).allSatisfy(e -> assertThat(e.description()).isNotBlank());
    }
}
