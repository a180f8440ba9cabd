package dev.strand.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the site honest: Java on a page comes only from files this module compiles and tests,
 * included by region, and every include finds its file and its region. VitePress itself would
 * show the whole file for a region it cannot find, and nothing at all would flag a hand-written
 * block that no longer compiles.
 */
class PagesTest {
    private static final Path DOCS = Path.of(System.getProperty("strand.docs.root", "..")).toAbsolutePath().normalize();
    /** Where the pages live: VitePress's srcDir, which {@code @} in an include stands for. */
    private static final Path PAGES = DOCS.resolve("pages");
    private static final Path EXAMPLES = DOCS.resolve("examples");

    /** An opening or closing code fence: three or more backticks or tildes, then the info string. */
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*(.*)$");
    /** VitePress's code include: {@code <<< @/path/File.java#region{1,2 java}[title]}. */
    private static final Pattern SNIPPET = Pattern.compile("^ {0,3}<<<\\s*(\\S+?)(?:#([\\w-]+))?(?:\\s*\\{[^}]*\\})?(?:\\s*\\[[^]]*\\])?\\s*$");
    /** VitePress's Markdown include: {@code <!--@include: path#region-->}. */
    private static final Pattern INCLUDE = Pattern.compile("<!--\\s*@include:\\s*(\\S+?)(?:#([\\w-]+))?(?:\\{\\d*,\\d*\\})?\\s*-->");
    /** The region markers VitePress understands in the files we include: Java/JS, XML/HTML, shell/YAML. */
    private static final List<Pattern> MARKERS = List.of(
            Pattern.compile("^//\\s?#?((?:end)?region) ([\\w*-]+)$"),
            Pattern.compile("^<!-- #?((?:end)?region) ([\\w*-]+) -->$"),
            Pattern.compile("^# ?((?:end)?region) ([\\w*-]+)$"));

    /** A place in a page, for messages. */
    record Where(Path page, int line) {
        @Override
        public String toString() {
            return DOCS.relativize(page) + ":" + line;
        }
    }

    /** One {@code <<<} or {@code @include} on a page. */
    record Include(Where where, Path file, String region) {}

    @Test
    void noPageHasAHandWrittenJavaBlock() {
        var found = new ArrayList<String>();
        for (var page : pages()) {
            var lines = read(page);
            var opens = Blocks.of(lines).opens();
            for (int i = 0; i < lines.size(); i++) {
                if (opens[i] != null && opens[i].split("[\\s{:\\[]", 2)[0].equalsIgnoreCase("java")) {
                    found.add(new Where(page, i + 1).toString());
                }
            }
        }
        assertEquals(List.of(), found, "Java on a page must come from docs/examples, included with "
                + "<<< @/../examples/src/main/java/...java#region; these blocks are written by hand");
    }

    @Test
    void everyIncludeFindsItsFileAndRegion() {
        var includes = includes();
        assertFalse(includes.isEmpty(), "no includes found under " + PAGES + "; is strand.docs.root right?");
        var broken = new ArrayList<String>();
        for (var include : includes) {
            if (!Files.isRegularFile(include.file())) {
                broken.add(include.where() + ": no file " + include.file());
            } else if (include.region() != null && !regions(include.file()).contains(include.region())) {
                broken.add(include.where() + ": no region '" + include.region() + "' in " + DOCS.relativize(include.file())
                        + " (it has " + regions(include.file()) + ")");
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyRegionInTheExamplesIsBalancedAndShownSomewhere() {
        var used = new HashSet<String>();
        for (var include : includes()) {
            if (include.region() != null) used.add(include.file().normalize() + "#" + include.region());
        }
        var problems = new ArrayList<String>();
        for (var file : exampleFiles()) {
            var open = new TreeSet<String>();
            for (var line : read(file)) {
                var marker = marker(line);
                if (marker == null) continue;
                var name = marker.group(2);
                if (marker.group(1).equals("region")) {
                    if (!open.add(name)) problems.add(DOCS.relativize(file) + ": region '" + name + "' opened twice");
                    if (!used.contains(file.normalize() + "#" + name)) {
                        problems.add(DOCS.relativize(file) + ": region '" + name + "' is shown on no page; use it or remove it");
                    }
                } else if (!open.remove(name)) {
                    problems.add(DOCS.relativize(file) + ": endregion '" + name + "' without its region");
                }
            }
            open.forEach(name -> problems.add(DOCS.relativize(file) + ": region '" + name + "' never ends"));
        }
        assertEquals(List.of(), problems);
    }

    private static List<Include> includes() {
        var all = new ArrayList<Include>();
        for (var page : pages()) {
            var lines = read(page);
            var fenced = Blocks.of(lines).inside();
            for (int i = 0; i < lines.size(); i++) {
                if (fenced[i]) continue;                    // an example of the syntax, not an include
                var line = lines.get(i);
                var snippet = SNIPPET.matcher(line);
                if (snippet.matches()) all.add(include(page, i + 1, snippet));
                var include = INCLUDE.matcher(line);
                while (include.find()) all.add(include(page, i + 1, include));
            }
        }
        return all;
    }

    /**
     * The code blocks of a page: for each line that opens one, its info string ("java",
     * "bash {3}", ""), and which lines are inside one, fences included.
     */
    record Blocks(String[] opens, boolean[] inside) {
        static Blocks of(List<String> lines) {
            var opens = new String[lines.size()];
            var inside = new boolean[lines.size()];
            String open = null;
            for (int i = 0; i < lines.size(); i++) {
                var fence = FENCE.matcher(lines.get(i));
                inside[i] = open != null || fence.matches();
                if (!fence.matches()) continue;
                var marks = fence.group(1);
                if (open == null) {
                    open = marks;
                    opens[i] = fence.group(2).strip();
                } else if (marks.charAt(0) == open.charAt(0) && marks.length() >= open.length() && fence.group(2).isBlank()) {
                    open = null;
                }
            }
            return new Blocks(opens, inside);
        }
    }

    private static Include include(Path page, int line, Matcher m) {
        var path = m.group(1);
        var file = path.startsWith("@") ? PAGES.resolve(path.substring(path.startsWith("@/") ? 2 : 1))
                : page.getParent().resolve(path);
        return new Include(new Where(page, line), file.normalize(), m.group(2));
    }

    private static Set<String> regions(Path file) {
        var names = new TreeSet<String>();
        var ended = new TreeSet<String>();
        for (var line : read(file)) {
            var marker = marker(line);
            if (marker != null) (marker.group(1).equals("region") ? names : ended).add(marker.group(2));
        }
        names.retainAll(ended);
        return names;
    }

    private static Matcher marker(String line) {
        for (var pattern : MARKERS) {
            var m = pattern.matcher(line.strip());
            if (m.matches()) return m;
        }
        return null;
    }

    private static List<Path> pages() {
        return walk(DOCS, p -> p.toString().endsWith(".md"));
    }

    private static List<Path> exampleFiles() {
        return walk(EXAMPLES, p -> !p.toString().endsWith(".class"));
    }

    private static List<Path> walk(Path root, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        var rel = root.relativize(p).toString();
                        return !rel.startsWith("node_modules") && !rel.contains("target/") && !rel.startsWith(".vitepress/cache")
                                && !rel.startsWith(".vitepress/dist");
                    })
                    .filter(keep)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
