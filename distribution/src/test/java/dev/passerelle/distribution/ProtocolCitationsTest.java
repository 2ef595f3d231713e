package dev.passerelle.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The project stands alone: no file points at the protocol notes or the reference folder that sit
 * beside a developer's clone (a reader of the repository has neither), and every citation of
 * {@code docs/protocol.md §N} or {@code §N.M} names a section that the page has.
 */
class ProtocolCitationsTest {

    /** Spelt in two pieces, so that this file does not mention them itself. */
    private static final List<String> OUTSIDE_THE_PROJECT = List.of("PROTOCOL" + "-NOTES", ".." + "/shared");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", "node_modules", "data");
    /** The cited page, spelt in two pieces so that the citations of the self-test are not read as real ones. */
    private static final String CITED = "docs/" + "protocol.md";
    private static final Pattern CITATION = Pattern.compile(
            "docs/protocol\\.md §(\\d+(?:\\.\\d+)?)((?:,\\s*§\\d+(?:\\.\\d+)?)*)");
    private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)?)");
    private static final Pattern NUMBERED_HEADING = Pattern.compile("(\\d+(?:\\.\\d+)?)\\.?\\s.*");

    @Test
    void noFileMentionsThingsOutsideTheProject() throws IOException {
        List<String> mentions = new ArrayList<>();
        for (Path file : textFiles()) {
            mentions.addAll(outsideMentions(Project.root().relativize(file).toString(), Files.readString(file)));
        }
        assertThat(mentions).isEmpty();
    }

    @Test
    void everyCitedSectionExistsInProtocolMd() throws IOException {
        Set<String> sections = sections(Files.readString(Project.file("docs/protocol.md")));
        List<String> unknown = new ArrayList<>();
        for (Path file : textFiles()) {
            unknown.addAll(unknownCitations(Project.root().relativize(file).toString(), Files.readString(file), sections));
        }
        assertThat(sections).contains("0", "3.4", "4", "8.2", "12");
        assertThat(unknown).isEmpty();
    }

    @Test
    void aForeignMentionOrAMissingSectionIsFound() {
        Set<String> sections = sections("## 3. Connections\n\n### 3.4 Updating\n\n## Deviations\n");

        assertThat(sections).containsExactlyInAnyOrder("3", "3.4");
        String cited = "(" + CITED + " §3.4, §3.9) and " + CITED + " §7";

        assertThat(unknownCitations("A.java", cited, sections))
                .containsExactly("A.java: §" + "3.9", "A.java: §" + "7");
        assertThat(outsideMentions("B.md", "see " + OUTSIDE_THE_PROJECT.get(0) + " §4 and "
                + OUTSIDE_THE_PROJECT.get(1) + "/reference")).hasSize(2);
    }

    private static List<String> outsideMentions(String file, String text) {
        return OUTSIDE_THE_PROJECT.stream().filter(text::contains).map(word -> file + ": " + word).toList();
    }

    private static List<String> unknownCitations(String file, String text, Set<String> sections) {
        List<String> unknown = new ArrayList<>();
        Matcher citation = CITATION.matcher(text);
        while (citation.find()) {
            Matcher section = SECTION.matcher(citation.group());
            while (section.find()) {
                if (!sections.contains(section.group(1))) {
                    unknown.add(file + ": §" + section.group(1));
                }
            }
        }
        return unknown;
    }

    /** The numbers of protocol.md's numbered headings: "## 4. Connection states" is section 4. */
    private static Set<String> sections(String markdown) {
        Set<String> numbers = new HashSet<>();
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                Matcher numbered = NUMBERED_HEADING.matcher(DocsLinksTest.plainText(heading));
                if (numbered.matches()) {
                    numbers.add(numbered.group(1));
                }
            }
        });
        return numbers;
    }

    /** Every UTF-8 text file of the project outside build output; binary files are skipped. */
    private static List<Path> textFiles() throws IOException {
        List<Path> text = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Project.root())) {
            for (Path file : walk.filter(Files::isRegularFile).filter(ProtocolCitationsTest::inTheProject).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (isText(bytes)) {
                    text.add(file);
                }
            }
        }
        return text;
    }

    private static boolean inTheProject(Path file) {
        return Stream.of(Project.root().relativize(file).toString().split("/")).noneMatch(SKIPPED_DIRECTORIES::contains);
    }

    private static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
