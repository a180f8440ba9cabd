package dev.strand.internal.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * The build-time index that {@code strand-processor} writes into an app's jar at
 * {@value #RESOURCE}: its controllers and {@code @Global} middleware by class name. Reading it
 * replaces the class-path scan at startup; an app built without the processor has none, and is
 * scanned as before.
 */
final class RouteIndex {
    static final String RESOURCE = "META-INF/strand/index";

    private final TreeSet<String> controllers = new TreeSet<>();
    private final TreeSet<String> global = new TreeSet<>();

    private RouteIndex() {
    }

    /**
     * Every index on {@code loader}'s class path merged, or {@code null} when there is none.
     *
     * @throws IllegalStateException for a line that is not {@code controller <name>} or {@code global <name>}
     */
    static RouteIndex read(ClassLoader loader) {
        List<URL> urls;
        try {
            urls = Collections.list(loader.getResources(RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + RESOURCE, e);
        }
        if (urls.isEmpty()) return null;
        var index = new RouteIndex();
        for (var url : urls) index.add(url);
        return index;
    }

    private void add(URL url) {
        List<String> lines;
        try (var in = url.openStream()) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
        for (var line : lines) {
            if (line.isBlank()) continue;
            var parts = line.strip().split(" ", 2);
            var names = parts.length < 2 ? null : switch (parts[0]) {
                case "controller" -> controllers;
                case "global" -> global;
                default -> null;
            };
            if (names == null) throw new IllegalStateException(url + ": not an index line: '" + line + "'");
            names.add(parts[1].strip());
        }
    }

    /** The indexed controllers in {@code packages} or their sub-packages, sorted by name. */
    List<String> controllers(List<String> packages) {
        return within(controllers, packages);
    }

    /** The indexed {@code @Global} middleware in {@code packages} or their sub-packages, sorted by name. */
    List<String> global(List<String> packages) {
        return within(global, packages);
    }

    private static List<String> within(TreeSet<String> names, List<String> packages) {
        var found = new ArrayList<String>();
        for (var name : names) {
            if (packages.stream().anyMatch(p -> p.isEmpty() || name.startsWith(p + "."))) found.add(name);
        }
        return found;
    }
}
