package dev.strand.internal.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A parsed route path such as {@code /users/{id}/files/{path...}}: a list of segments, each static
 * text or one parameter. Parsed once at startup; a bad pattern fails with a message naming it.
 *
 * @param source   the pattern as written
 * @param segments   its segments, root ({@code /}) having none
 * @param paramNames names of the parameters in the order they appear, listed once at parsing so a
 *                   request's lookup by name allocates nothing
 */
public record PathPattern(String source, List<Segment> segments, List<String> paramNames) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One segment of a pattern. */
    public sealed interface Segment {
        /** Static text, matched exactly against the decoded request segment. */
        record Literal(String text) implements Segment {}

        /** {@code {name}}: any one segment. */
        record Param(String name) implements Segment {}

        /** {@code {name:regex}}: one segment the regex matches whole. */
        record Regex(String name, Pattern pattern) implements Segment {}

        /** {@code {name...}}: the rest of the path, one or more segments, slashes kept. */
        record Tail(String name) implements Segment {}
    }

    public PathPattern {
        segments = List.copyOf(segments);
        paramNames = List.copyOf(paramNames);
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException naming the pattern and what is wrong with it
     */
    public static PathPattern parse(String source) {
        if (source == null || !source.startsWith("/")) {
            throw bad(source, "it must start with '/'");
        }
        var segments = new ArrayList<Segment>();
        var names = new LinkedHashSet<String>();
        var parts = splitTopLevel(source);
        for (int i = 0; i < parts.size(); i++) {
            var part = parts.get(i);
            if (part.isEmpty()) {
                if (i == parts.size() - 1) break; // a trailing slash means the same path
                throw bad(source, "it has an empty segment ('//')");
            }
            var segment = segment(source, part);
            if (segment instanceof Segment.Tail && i != parts.size() - 1) {
                throw bad(source, "'" + part + "' takes the rest of the path, so it must be the last segment");
            }
            var name = name(segment);
            if (name != null && !names.add(name)) {
                throw bad(source, "parameter '" + name + "' appears twice");
            }
            segments.add(segment);
        }
        return new PathPattern(source, segments, List.copyOf(names));
    }

    /** The position of parameter {@code name} in {@link #paramNames()}, or -1 if the pattern has none of that name. */
    int paramIndex(String name) {
        return paramNames.indexOf(name);
    }

    /** The parameter name a segment binds, or {@code null} for static text. */
    public static String name(Segment segment) {
        return switch (segment) {
            case Segment.Literal l -> null;
            case Segment.Param p -> p.name();
            case Segment.Regex r -> r.name();
            case Segment.Tail t -> t.name();
        };
    }

    /** The pattern with parameter names erased: two routes with equal shapes can never be told apart. */
    String shape() {
        var sb = new StringBuilder();
        for (var s : segments) {
            sb.append('/').append(switch (s) {
                case Segment.Literal l -> l.text();
                case Segment.Param p -> "{}";
                case Segment.Regex r -> "{:" + r.pattern().pattern() + "}";
                case Segment.Tail t -> "{...}";
            });
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }

    private static Segment segment(String source, String part) {
        boolean open = part.startsWith("{"), close = part.endsWith("}");
        if (!open && !close && part.indexOf('{') < 0 && part.indexOf('}') < 0) {
            return new Segment.Literal(part);
        }
        if (!open || !close) {
            throw bad(source, "segment '" + part + "' mixes text and a parameter; a segment is either static text or one {param}");
        }
        var body = part.substring(1, part.length() - 1);
        int colon = body.indexOf(':');
        if (colon >= 0) {
            var name = checkName(source, body.substring(0, colon));
            var regex = body.substring(colon + 1);
            try {
                return new Segment.Regex(name, Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw bad(source, "the regex of '" + name + "' does not compile: " + e.getDescription());
            }
        }
        if (body.endsWith("...")) {
            return new Segment.Tail(checkName(source, body.substring(0, body.length() - 3)));
        }
        return new Segment.Param(checkName(source, body));
    }

    private static String checkName(String source, String name) {
        if (!NAME.matcher(name).matches()) {
            throw bad(source, "'" + name + "' is not a valid parameter name (letters, digits, '_')");
        }
        return name;
    }

    /** Splits on '/' outside braces, so a regex may hold a '/'-free quantifier like {@code {2,3}}. */
    private static List<String> splitTopLevel(String source) {
        var parts = new ArrayList<String>();
        int depth = 0, start = 1;
        for (int i = 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == '/' && depth == 0) {
                parts.add(source.substring(start, i));
                start = i + 1;
            }
            if (depth < 0) throw bad(source, "it has an unmatched '}'");
        }
        if (depth != 0) throw bad(source, "it has an unclosed '{'");
        if (start < source.length() || !parts.isEmpty()) parts.add(source.substring(start));
        return parts;
    }

    private static IllegalArgumentException bad(String source, String why) {
        return new IllegalArgumentException("bad path pattern '" + source + "': " + why);
    }
}
