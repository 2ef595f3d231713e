package dev.passerelle.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The docs a newcomer follows lead somewhere: every relative link of every Markdown file resolves to
 * a file (and its {@code #anchor} to a heading, as GitHub names them), and every {@code docs/…}
 * path named in the Markdown files and in the sources exists.
 */
class DocsLinksTest {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", "node_modules", "data");
    private static final List<String> SOURCE_SUFFIXES = List.of(".java", ".yaml", ".yml", ".xml", ".sh", ".properties");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> markdown = files(".md");
        for (Path file : markdown) {
            for (String destination : links(file)) {
                problem(file, destination).ifPresent(broken::add);
            }
        }
        assertThat(markdown).extracting(Path::toString).anyMatch(f -> f.endsWith("README.md"));
        assertThat(broken).isEmpty();
    }

    @Test
    void everyDocsPathNamedInTheMarkdownAndTheSourcesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : files(".md")) {
            for (String reference : docsReferences(markdownText(file))) {
                if (!Files.exists(Project.root().resolve(reference))) {
                    missing.add(Project.root().relativize(file) + ": " + reference);
                }
            }
        }
        for (String suffix : SOURCE_SUFFIXES) {
            for (Path file : files(suffix)) {
                for (String reference : docsReferences(Files.readString(file))) {
                    if ((reference.endsWith(".md") || reference.endsWith(".json"))
                            && !Files.exists(Project.root().resolve(reference))) {
                        missing.add(Project.root().relativize(file) + ": " + reference);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void aBrokenLinkOrAnchorIsFound() throws IOException {
        Path readme = Project.file("README.md");

        assertThat(problem(readme, "docs/nowhere.txt")).isPresent();
        assertThat(problem(readme, "docs/operations.md#no-such-heading")).isPresent();
        assertThat(problem(readme, "docs/operations.md#graceful-shutdown")).isEmpty();
        assertThat(docsReferences("see `docs/operations.md`, and docs/screenshots/.")).containsExactly(
                "docs/operations.md", "docs/screenshots/");
    }

    private java.util.Optional<String> problem(Path file, String destination) throws IOException {
        if (destination.isEmpty() || destination.contains("://") || destination.startsWith("mailto:")) {
            return java.util.Optional.empty();
        }
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        String anchor = hash < 0 ? null : destination.substring(hash + 1);
        Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        String where = Project.root().relativize(file) + " → " + destination;
        if (!Files.exists(target)) {
            return java.util.Optional.of(where + ": no such file");
        }
        if (anchor != null && target.toString().endsWith(".md") && !anchorsOf(target).contains(anchor)) {
            return java.util.Optional.of(where + ": no such heading");
        }
        return java.util.Optional.empty();
    }

    private static List<String> links(Path file) throws IOException {
        List<String> destinations = new ArrayList<>();
        MARKDOWN.parse(Files.readString(file)).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                destinations.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                destinations.add(image.getDestination());
            }
        });
        return destinations;
    }

    /** The prose, code spans and code blocks of a Markdown file, where paths are named. */
    private static String markdownText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        MARKDOWN.parse(Files.readString(file)).accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral()).append('\n');
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral()).append('\n');
            }

            @Override
            public void visit(FencedCodeBlock node) {
                text.append(node.getLiteral()).append('\n');
            }

            @Override
            public void visit(IndentedCodeBlock node) {
                text.append(node.getLiteral()).append('\n');
            }
        });
        return text.toString();
    }

    /** Each {@code docs/…} path in {@code text}: from {@code docs/} to the first character a path does not hold. */
    static List<String> docsReferences(String text) {
        List<String> references = new ArrayList<>();
        for (int at = text.indexOf("docs/"); at >= 0; at = text.indexOf("docs/", at + 1)) {
            boolean startsAWord = at == 0 || !(Character.isLetterOrDigit(text.charAt(at - 1)) || text.charAt(at - 1) == '-');
            if (!startsAWord) {
                continue;
            }
            int end = at;
            while (end < text.length() && isPathCharacter(text.charAt(end))) {
                end++;
            }
            String reference = text.substring(at, end);
            while (reference.endsWith(".")) {
                reference = reference.substring(0, reference.length() - 1);
            }
            references.add(reference);
        }
        return references;
    }

    private static boolean isPathCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '/' || c == '.' || c == '-' || c == '_';
    }

    /** The anchors GitHub gives the headings of a Markdown file. */
    private Set<String> anchorsOf(Path file) throws IOException {
        if (!anchors.containsKey(file)) {
            Set<String> found = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            MARKDOWN.parse(Files.readString(file)).accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    String slug = slug(plainText(heading));
                    int times = seen.merge(slug, 1, Integer::sum);
                    found.add(times == 1 ? slug : slug + "-" + (times - 1));
                }
            });
            anchors.put(file, found);
        }
        return anchors.get(file);
    }

    /** The text of a Markdown node, code spans included: what GitHub names a heading's anchor after. */
    static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    /** GitHub's heading anchor: lower case, spaces to hyphens, punctuation other than - and _ dropped. */
    private static String slug(String heading) {
        StringBuilder slug = new StringBuilder();
        for (char c : heading.strip().toLowerCase().toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.append(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        }
        return slug.toString();
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(Project.root())) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> Project.root().relativize(p).toString().split("/").length > 0
                            && Stream.of(Project.root().relativize(p).toString().split("/"))
                            .noneMatch(SKIPPED_DIRECTORIES::contains))
                    .sorted().toList();
        }
    }
}
