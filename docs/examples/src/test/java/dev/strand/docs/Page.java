package dev.strand.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page of the site as the docs checks read it: its code includes and fenced blocks in
 * page order, each with the line before it (where a page names the file a reader saves) and the
 * walkthrough directive above it, if any.
 *
 * @param file  the page
 * @param parts its includes and fenced blocks, top to bottom
 */
record Page(Path file, List<Part> parts) {
    static final Path DOCS = Path.of(System.getProperty("strand.docs.root", "..")).toAbsolutePath().normalize();
    /** Where the pages live: VitePress's srcDir, which {@code @} in an include stands for. */
    static final Path PAGES = DOCS.resolve("pages");
    static final Path EXAMPLES = DOCS.resolve("examples");

    /** An opening or closing code fence: three or more backticks or tildes, then the info string. */
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*(.*)$");
    /** VitePress's code include: {@code <<< @/path/File.java#region{1,2 java}[title]}. */
    private static final Pattern SNIPPET = Pattern.compile("^ {0,3}<<<\\s*(\\S+?)(?:#([\\w-]+))?(?:\\s*\\{[^}]*\\})?(?:\\s*\\[[^]]*\\])?\\s*$");
    /** VitePress's Markdown include: {@code <!--@include: path#region-->}. */
    private static final Pattern INCLUDE = Pattern.compile("<!--\\s*@include:\\s*(\\S+?)(?:#([\\w-]+))?(?:\\{\\d*,\\d*\\})?\\s*-->");
    /**
     * The region markers VitePress understands in the files we include (Java/JS, XML/HTML,
     * shell/YAML), trimmed: group 1 is {@code region} or {@code endregion}, group 2 the name. The
     * site removes them from whole-file includes too (.vitepress/config.mts).
     */
    static final List<Pattern> REGION_MARKERS = List.of(
            Pattern.compile("^//\\s?#?((?:end)?region) ([\\w*-]+)$"),
            Pattern.compile("^<!-- #?((?:end)?region) ([\\w*-]+) -->$"),
            Pattern.compile("^# ?((?:end)?region) ([\\w*-]+)$"));
    /** What the walkthrough is told about the next block, invisible on the site: {@code <!-- walkthrough: ctrl-c -->}. */
    private static final Pattern DIRECTIVE = Pattern.compile("^<!--\\s*walkthrough:\\s*(.*?)\\s*-->$");

    /** One include or fenced block. */
    sealed interface Part {
        /** Its first line, counted from 1. */
        int line();
    }

    /**
     * A {@code <<<} or {@code @include} of a file in {@code docs/}.
     *
     * @param region the region shown, or {@code null} for the whole file
     * @param label  the nearest non-blank line above it, which names the file a reader saves
     */
    record Include(int line, Path source, String region, String label) implements Part {}

    /**
     * A fenced code block written on the page.
     *
     * @param info      what follows the opening fence: {@code bash}, {@code text}, {@code xml}
     * @param body      the lines between the fences
     * @param directive the walkthrough directive right above it (only blank lines between), or {@code null}
     */
    record Fence(int line, String info, List<String> body, String directive) implements Part {
        /** The block's language: the first word of its info string. */
        String language() {
            return info.split("[\\s{:\\[]", 2)[0].toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Page read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var parts = new ArrayList<Part>();
        String label = null;
        String directive = null;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var fence = FENCE.matcher(line);
            if (fence.matches()) {
                var marks = fence.group(1);
                int start = i;
                var body = new ArrayList<String>();
                while (++i < lines.size() && !closes(lines.get(i), marks)) body.add(lines.get(i));
                parts.add(new Fence(start + 1, fence.group(2).strip(), List.copyOf(body), directive));
                label = null;
                directive = null;
                continue;
            }
            var snippet = SNIPPET.matcher(line);
            if (snippet.matches()) parts.add(include(file, i + 1, snippet, label));
            var include = INCLUDE.matcher(line);
            while (include.find()) parts.add(include(file, i + 1, include, label));
            var said = DIRECTIVE.matcher(line.strip());
            if (said.matches()) {
                directive = said.group(1);
            } else if (!line.isBlank()) {
                label = line.strip();
                directive = null;
            }
        }
        return new Page(file, List.copyOf(parts));
    }

    /** The includes on the page. */
    List<Include> includes() {
        return parts.stream().filter(Include.class::isInstance).map(Include.class::cast).toList();
    }

    /** The fenced blocks on the page. */
    List<Fence> fences() {
        return parts.stream().filter(Fence.class::isInstance).map(Fence.class::cast).toList();
    }

    /** {@code pages/tutorials/chat.md:12}, for messages. */
    String where(Part part) {
        return DOCS.relativize(file) + ":" + part.line();
    }

    private static boolean closes(String line, String marks) {
        var fence = FENCE.matcher(line);
        return fence.matches() && fence.group(1).charAt(0) == marks.charAt(0) && fence.group(1).length() >= marks.length()
                && fence.group(2).isBlank();
    }

    private static Include include(Path page, int line, Matcher m, String label) {
        var path = m.group(1);
        var file = path.startsWith("@") ? PAGES.resolve(path.substring(path.startsWith("@/") ? 2 : 1))
                : page.getParent().resolve(path);
        return new Include(line, file.normalize(), m.group(2), label);
    }
}
