package dev.strand.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The pages a newcomer follows one after the other, in the sidebar's order, all in one project:
 * Getting started, then every tutorial. And where each file they show lands in that project.
 */
final class Tutorials {
    /** A sidebar link to Getting started or a tutorial. */
    private static final Pattern LINK = Pattern.compile("link: '/(getting-started|tutorials/[\\w-]+)'");

    private Tutorials() {
    }

    /** Getting started and the tutorials, in the order the sidebar lists them. */
    static List<Page> pages() {
        var order = new ArrayList<String>();
        var sidebar = LINK.matcher(read(Page.DOCS.resolve(".vitepress/config.mts")));
        while (sidebar.find()) {
            if (!order.contains(sidebar.group(1))) order.add(sidebar.group(1));
        }
        return order.stream().map(link -> Page.read(Page.PAGES.resolve(link + ".md"))).toList();
    }

    /**
     * Where a reader saves an example file, relative to their project: {@code src/...} as under
     * {@code examples/}. {@code null} for files that only illustrate a guide (the examples
     * module's own pom, deployment files) and for the archetype's templates, which Getting started
     * shows as the project {@code archetype:generate} writes, not as files to save.
     */
    static String readerPath(Path source) {
        if (!source.startsWith(Page.EXAMPLES)) return null;
        var relative = Page.EXAMPLES.relativize(source).toString().replace('\\', '/');
        return relative.startsWith("src/") ? relative : null;
    }

    /** The files a reader has saved after each page, in order: page, then reader path to example file. */
    static Map<Page, Map<String, Path>> filesAfterEachPage() {
        var saved = new LinkedHashMap<String, Path>();
        var after = new LinkedHashMap<Page, Map<String, Path>>();
        for (var page : pages()) {
            for (var include : page.includes()) {
                var path = readerPath(include.source());
                if (include.region() == null && path != null) saved.put(path, include.source());
            }
            after.put(page, Map.copyOf(saved));
        }
        return after;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
