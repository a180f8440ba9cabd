package dev.strand.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code on Getting started and the tutorials is what a reader copies, page after page, into one
 * project. So every file a page shows whole says where it goes, every part of a file a page shows
 * comes from a file the reader has (from this page or an earlier one), and after each page the
 * files so far compile on their own: none of them leans on a file that a later page brings, or on
 * one that no page shows.
 */
class TutorialFilesTest {

    @Test
    void everyFileAReaderSavesIsNamedRightAboveIt() {
        var unnamed = new ArrayList<String>();
        for (var page : Tutorials.pages()) {
            for (var include : page.includes()) {
                var path = Tutorials.readerPath(include.source());
                if (include.region() != null || path == null) continue;
                var label = include.label() == null ? "" : include.label();
                boolean named = label.contains("`" + path + "`") || (label.startsWith(":::") && label.endsWith(path));
                if (!named) unnamed.add(page.where(include) + ": say `" + path + "` on the line above (it says: " + label + ")");
            }
        }
        assertEquals(List.of(), unnamed);
    }

    @Test
    void everyPartShownComesFromAFileTheReaderHas() {
        var orphans = new ArrayList<String>();
        var had = new HashSet<Path>();
        for (var entry : Tutorials.filesAfterEachPage().entrySet()) {
            var page = entry.getKey();
            had.addAll(entry.getValue().values());
            for (var include : page.includes()) {
                if (include.region() != null && !had.contains(include.source())) {
                    orphans.add(page.where(include) + ": #" + include.region() + " of " + Page.DOCS.relativize(include.source())
                            + ", a file no page up to here shows whole");
                }
            }
        }
        assertEquals(List.of(), orphans);
    }

    @Test
    void theJavaFilesOfEachPageCompileWithThoseOfThePagesBefore(@TempDir Path out) throws IOException {
        var javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "needs a JDK, not a JRE");
        var failures = new ArrayList<String>();
        var classpath = new ArrayList<>(readerClasspath());
        var compiled = new HashSet<Path>();
        try (var files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            // Page by page, only the files the page adds, against what the pages before produced.
            for (var entry : Tutorials.filesAfterEachPage().entrySet()) {
                var added = entry.getValue().entrySet().stream()
                        .filter(file -> file.getKey().endsWith(".java") && !compiled.contains(file.getValue()))
                        .map(Map.Entry::getValue)
                        .sorted()
                        .toList();
                if (added.isEmpty()) continue;
                compiled.addAll(added);
                var classes = Files.createDirectories(out.resolve(entry.getKey().file().getFileName().toString()));
                var errors = new StringWriter();
                var options = List.of("-d", classes.toString(), "-proc:none", "--release", "21", "-parameters", "-nowarn",
                        "-cp", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
                if (!javac.getTask(errors, files, null, options, null, files.getJavaFileObjectsFromPaths(added)).call()) {
                    failures.add(Page.DOCS.relativize(entry.getKey().file()) + ":\n" + errors);
                }
                classpath.add(classes);
            }
        }
        assertEquals(List.of(), failures, "a reader's files would not compile after these pages");
    }

    /** What the reader's pom puts on the class path: the libraries, but not this module's own compiled examples. */
    private static List<Path> readerClasspath() {
        var own = List.of(Page.EXAMPLES.resolve("target/classes"), Page.EXAMPLES.resolve("target/test-classes"));
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize())
                .filter(entry -> !own.contains(entry))
                .toList();
    }
}
