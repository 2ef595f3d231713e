package dev.passerelle.server.api;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The request mappings a path can match, by the literal segments of their path patterns: a tree of
 * segments, where a segment that is a whole variable ({@code {user}}) matches any segment. It only
 * narrows: a mapping whose patterns it cannot read segment by segment (a regular expression, a
 * wildcard, a catch-all, a partial variable) and a mapping registered after it was built are
 * candidates for every path, and a path it cannot read segment by segment as Spring's matching
 * does (an encoded character, a matrix parameter) has every mapping as a candidate. So a mapping it
 * leaves out is one whose path condition Spring would have rejected anyway
 * ({@link IndexedRequestMappingHandlerMapping}).
 */
final class RouteIndex {

    private final Map<RequestMappingInfo, Integer> ordinals = new HashMap<>();
    private final Node root = new Node();

    private RouteIndex() {
    }

    /** The index of {@code mappings}' path patterns, as Spring's {@code PathPatternParser} parsed them. */
    static RouteIndex of(Collection<RequestMappingInfo> mappings) {
        RouteIndex index = new RouteIndex();
        for (RequestMappingInfo mapping : mappings) {
            index.add(mapping);
        }
        return index;
    }

    private void add(RequestMappingInfo mapping) {
        if (mapping.getPathPatternsCondition() == null) {
            return;
        }
        List<List<String>> paths = new ArrayList<>();
        for (PathPattern pattern : mapping.getPathPatternsCondition().getPatterns()) {
            List<String> segments = segments(pattern.getPatternString(), true);
            if (segments == null) {
                return;
            }
            paths.add(segments);
        }
        int ordinal = ordinals.size();
        ordinals.put(mapping, ordinal);
        for (List<String> segments : paths) {
            Node node = root;
            for (String segment : segments) {
                node = segment.startsWith("{") ? node.variable() : node.literal(segment);
            }
            node.ends.set(ordinal);
        }
    }

    /** The candidates for {@code path} (a lookup path, as Spring MVC derives it), or null when every mapping is one. */
    @Nullable Candidates candidates(String path) {
        List<String> segments = segments(path, false);
        if (segments == null) {
            return null;
        }
        BitSet found = new BitSet(ordinals.size());
        root.collect(segments, 0, found);
        return new Candidates(found);
    }

    /**
     * A path's segments, or null when the path is not plain: it must start with {@code /}; a
     * pattern's segment must be a literal or a whole, unconstrained variable, and a path's must hold
     * no escape or parameter, which Spring decodes or strips before it compares literals.
     */
    private static @Nullable List<String> segments(String path, boolean pattern) {
        if (!path.startsWith("/")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        int start = 1;
        while (true) {
            int end = path.indexOf('/', start);
            String segment = path.substring(start, end < 0 ? path.length() : end);
            if (!(pattern ? isLiteralOrVariable(segment) : isPlain(segment))) {
                return null;
            }
            segments.add(segment);
            if (end < 0) {
                return segments;
            }
            start = end + 1;
        }
    }

    private static boolean isLiteralOrVariable(String segment) {
        if (segment.startsWith("{") && segment.endsWith("}")) {
            String name = segment.substring(1, segment.length() - 1);
            return !name.isEmpty() && name.chars().allMatch(Character::isJavaIdentifierPart);
        }
        return isPlain(segment) && segment.chars().noneMatch(c -> c == '{' || c == '}' || c == '*' || c == '?');
    }

    private static boolean isPlain(String segment) {
        return segment.indexOf('%') < 0 && segment.indexOf(';') < 0;
    }

    /** The mappings a path can match; a mapping the index does not hold is always one. */
    final class Candidates {

        private final BitSet found;

        private Candidates(BitSet found) {
            this.found = found;
        }

        boolean includes(RequestMappingInfo mapping) {
            Integer ordinal = ordinals.get(mapping);
            return ordinal == null || found.get(ordinal);
        }
    }

    private static final class Node {

        private final Map<String, Node> literals = new HashMap<>();
        private @Nullable Node variable;
        private final BitSet ends = new BitSet();

        Node literal(String segment) {
            return literals.computeIfAbsent(segment, s -> new Node());
        }

        Node variable() {
            if (variable == null) {
                variable = new Node();
            }
            return variable;
        }

        void collect(List<String> segments, int at, BitSet found) {
            if (at == segments.size()) {
                found.or(ends);
                return;
            }
            Node literal = literals.get(segments.get(at));
            if (literal != null) {
                literal.collect(segments, at + 1, found);
            }
            if (variable != null) {
                variable.collect(segments, at + 1, found);
            }
        }
    }
}
