package dev.passerelle.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code expand} parameter: a comma list with bracketed sub-expansions, e.g.
 * {@code accounts,connector[countries,fields]} (docs/protocol.md §0). Unknown names are kept
 * and simply never asked for, so they are ignored as the brief requires.
 */
public final class Expand {

    private static final Expand NONE = new Expand(Map.of());

    private final Map<String, Expand> children;

    private Expand(Map<String, Expand> children) {
        this.children = children;
    }

    /** Parses the raw parameter; null or blank is "nothing expanded". Unbalanced brackets are a 400. */
    public static Expand parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        int[] pos = {0};
        Expand expand = parseList(raw, pos);
        if (pos[0] != raw.length()) {
            throw ApiError.INVALID_VALUE.exception("Unbalanced brackets in 'expand'");
        }
        return expand;
    }

    private static Expand parseList(String raw, int[] pos) {
        Map<String, Expand> children = new LinkedHashMap<>();
        StringBuilder name = new StringBuilder();
        while (pos[0] < raw.length()) {
            char c = raw.charAt(pos[0]);
            if (c == '[') {
                pos[0]++;
                Expand sub = parseList(raw, pos);
                if (pos[0] >= raw.length() || raw.charAt(pos[0]) != ']') {
                    throw ApiError.INVALID_VALUE.exception("Unbalanced brackets in 'expand'");
                }
                pos[0]++;
                children.merge(name.toString().trim(), sub, Expand::merge);
                name.setLength(0);
            } else if (c == ']') {
                break;
            } else if (c == ',') {
                add(children, name);
                pos[0]++;
            } else {
                name.append(c);
                pos[0]++;
            }
        }
        add(children, name);
        return new Expand(children);
    }

    private static void add(Map<String, Expand> children, StringBuilder name) {
        String n = name.toString().trim();
        if (!n.isEmpty()) {
            children.putIfAbsent(n, NONE);
        }
        name.setLength(0);
    }

    private static Expand merge(Expand a, Expand b) {
        Map<String, Expand> merged = new LinkedHashMap<>(a.children);
        b.children.forEach((k, v) -> merged.merge(k, v, Expand::merge));
        return new Expand(merged);
    }

    public boolean has(String name) {
        return children.containsKey(name);
    }

    /** The sub-expansion of {@code name}: {@code connector[fields]} → child "connector" has "fields". */
    public Expand child(String name) {
        return children.getOrDefault(name, NONE);
    }
}
