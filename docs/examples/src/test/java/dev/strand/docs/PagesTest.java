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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the site honest: Java on a page comes only from files this module compiles and tests,
 * included by region, and every include finds its file and its region. VitePress itself would
 * show the whole file for a region it cannot find, and nothing at all would flag a hand-written
 * block that no longer compiles.
 */
class PagesTest {
    @Test
    void noPageHasAHandWrittenJavaBlock() {
        var found = new ArrayList<String>();
        for (var page : pages()) {
            for (var fence : page.fences()) {
                if (fence.language().equals("java")) found.add(page.where(fence));
            }
        }
        assertEquals(List.of(), found, "Java on a page must come from docs/examples, included with "
                + "<<< @/../examples/src/main/java/...java#region; these blocks are written by hand");
    }

    @Test
    void everyIncludeFindsItsFileAndRegion() {
        var broken = new ArrayList<String>();
        int count = 0;
        for (var page : pages()) {
            for (var include : page.includes()) {
                count++;
                if (!Files.isRegularFile(include.source())) {
                    broken.add(page.where(include) + ": no file " + include.source());
                } else if (include.region() != null && !regions(include.source()).contains(include.region())) {
                    broken.add(page.where(include) + ": no region '" + include.region() + "' in "
                            + Page.DOCS.relativize(include.source()) + " (it has " + regions(include.source()) + ")");
                }
            }
        }
        assertFalse(count == 0, "no includes found under " + Page.PAGES + "; is strand.docs.root right?");
        assertEquals(List.of(), broken);
    }

    @Test
    void everyRegionInTheExamplesIsBalancedAndShownSomewhere() {
        var used = new HashSet<String>();
        for (var page : pages()) {
            for (var include : page.includes()) {
                if (include.region() != null) used.add(include.source() + "#" + include.region());
            }
        }
        var problems = new ArrayList<String>();
        for (var file : exampleFiles()) {
            var open = new TreeSet<String>();
            for (var line : read(file)) {
                var marker = marker(line);
                if (marker == null) continue;
                var name = marker.group(2);
                if (marker.group(1).equals("region")) {
                    if (!open.add(name)) problems.add(Page.DOCS.relativize(file) + ": region '" + name + "' opened twice");
                    if (!used.contains(file.normalize() + "#" + name)) {
                        problems.add(Page.DOCS.relativize(file) + ": region '" + name + "' is shown on no page; use it or remove it");
                    }
                } else if (!open.remove(name)) {
                    problems.add(Page.DOCS.relativize(file) + ": endregion '" + name + "' without its region");
                }
            }
            open.forEach(name -> problems.add(Page.DOCS.relativize(file) + ": region '" + name + "' never ends"));
        }
        assertEquals(List.of(), problems);
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
        for (var pattern : Page.REGION_MARKERS) {
            var m = pattern.matcher(line.strip());
            if (m.matches()) return m;
        }
        return null;
    }

    private static List<Page> pages() {
        return walk(Page.DOCS, p -> p.toString().endsWith(".md")).stream().map(Page::read).toList();
    }

    private static List<Path> exampleFiles() {
        return walk(Page.EXAMPLES, p -> !p.toString().endsWith(".class"));
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
