package dev.strand.docs;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A newcomer following the pages literally, in a folder of their own with a home of their own:
 * every file a page shows whole is saved where the page says, every shell block runs as written,
 * in page order, and what it prints must show what the page says it prints.
 *
 * <p>The sandbox. The reader's home is a new folder (Maven's local repository in it is empty, and
 * reads what it lacks from this machine's repository, untouched). Everything runs inside a network
 * namespace of its own, with only a loopback interface: the apps bind the ports the pages name
 * (8080, 8081, 6379, ...) without clashing with anything else on the machine, nothing reaches the
 * network, and every process left behind is found and ended. The blocks marked {@code network}
 * (building Strand and generating the project, where Maven may download plugins) run outside it. Getting started
 * clones {@code <strand-repository-url>}: here, a git repository made from this checkout's files.
 *
 * <p>Directives, in an HTML comment right above a block ({@code <!-- walkthrough: ctrl-c -->}),
 * say what a reader does that the block cannot:
 * <ul>
 * <li>none: run it and wait until it ends; it must succeed and print what its {@code #} lines say.
 * <li>{@code network}: the same, outside the sandbox's network.
 * <li>{@code background until "TEXT"}: it keeps running (the reader opens another terminal) once it
 *     printed TEXT; at the end of the page it is stopped with Ctrl+C, as the page says.
 * <li>{@code ctrl-c}: it keeps running; once it printed what the page shows, Ctrl+C ends it.
 * <li>{@code input}: its first line is a command, the others are what the reader types into it,
 *     each once the output above it showed; then Ctrl+D.
 * <li>{@code log} (on a {@code text} block): what the last background command printed.
 * <li>{@code add to pom.xml} (on an {@code xml} block): pasted into the pom's {@code <dependencies>}.
 * <li>{@code varies "WORD"} (with any of the above): WORD in the page's output stands for any word.
 * </ul>
 */
final class Walkthrough implements AutoCloseable {
    private static final Duration RUN_LIMIT = Duration.ofMinutes(8);
    private static final Duration READY_LIMIT = Duration.ofMinutes(3);
    private static final Duration SHOW_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    private static final Path REPOSITORY = Page.DOCS.getParent();
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    /** Every directive this class knows, so that a misspelt one fails instead of being ignored. */
    private static final Pattern DIRECTIVE = Pattern.compile(
            "(network|background until \"[^\"]+\"|ctrl-c|input|log|add to pom\\.xml)?(,?\\s*varies \"[^\"]+\")*");

    private final Path root;
    private final Path home;
    private final Path origin;
    private final Sandbox sandbox;
    private final long started = System.nanoTime();
    private final List<Shell> everything = new ArrayList<>();
    private final List<Shell> background = new ArrayList<>();
    private Path cwd;
    private int blocks;

    private Walkthrough(Path root, Sandbox sandbox) throws IOException, InterruptedException {
        this.root = root;
        this.sandbox = sandbox;
        home = Files.createDirectories(root.resolve("home"));
        var wrapper = Path.of(System.getProperty("user.home"), ".m2", "wrapper");
        if (Files.isDirectory(wrapper)) {
            // mvnw keeps the Maven it downloads under ~/.m2/wrapper; lend the reader the one already here.
            Files.createSymbolicLink(Files.createDirectories(home.resolve(".m2")).resolve("wrapper"), wrapper);
        }
        // curl shows a progress meter when its output is not a terminal; a reader's is.
        Files.writeString(home.resolve(".curlrc"), "silent\nshow-error\n");
        origin = snapshotOfThisCheckout(root.resolve("strand-origin"));
        cwd = Files.createDirectories(root.resolve("reader"));
    }

    /** A new reader in a new sandbox. */
    static Walkthrough start() throws IOException, InterruptedException {
        var root = Files.createTempDirectory("strand-walkthrough-");
        var sandbox = Sandbox.create();
        try {
            return new Walkthrough(root, sandbox);
        } catch (IOException | InterruptedException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** Does what the page says, top to bottom, and stops what it started, as the page says to. */
    void follow(Page page) throws IOException, InterruptedException {
        log(page, null, "page");
        for (var part : page.parts()) {
            switch (part) {
                case Page.Include include -> save(include);
                case Page.Fence fence -> run(page, fence);
            }
        }
        stopBackground(page);
    }

    private void save(Page.Include include) throws IOException {
        var path = Tutorials.readerPath(include.source());
        if (include.region() != null || path == null) return;
        var target = cwd.resolve(path);
        Files.createDirectories(target.getParent());
        var lines = Files.readAllLines(include.source()).stream()
                .filter(line -> Page.REGION_MARKERS.stream().noneMatch(marker -> marker.matcher(line.strip()).matches()))
                .toList();
        Files.write(target, lines);
    }

    private void run(Page page, Page.Fence fence) throws IOException, InterruptedException {
        var directive = fence.directive() == null ? "" : fence.directive();
        if (!DIRECTIVE.matcher(directive).matches()) throw new IllegalArgumentException(page.where(fence) + ": unknown directive " + directive);
        var varying = new ArrayList<String>();
        for (var m = Pattern.compile("varies " + QUOTED.pattern()).matcher(directive); m.find(); ) varying.add(m.group(1));
        switch (fence.language()) {
            case "bash", "sh", "shell" -> { }
            case "text" -> {
                if (directive.startsWith("log")) checkLog(page, fence, Expected.of(fence.body(), varying));
                return;
            }
            case "xml" -> {
                if (directive.startsWith("add to pom.xml")) addDependency(fence.body());
                return;
            }
            default -> {
                return;
            }
        }
        var expected = Expected.of(Expected.outputOf(fence.body()), varying);
        var commands = fence.body().stream().filter(line -> !line.startsWith("#")).toList();
        log(page, fence, directive.isEmpty() ? "run" : directive);
        if (directive.startsWith("background")) {
            var ready = QUOTED.matcher(directive);
            if (!ready.find()) throw new IllegalArgumentException(page.where(fence) + ": background needs until \"TEXT\"");
            var shell = launch(page, fence, String.join("\n", commands), false);
            background.add(shell);
            shell.await(Expected.of(List.of(ready.group(1)), List.of()), READY_LIMIT, "to print \"" + ready.group(1) + "\"");
        } else if (directive.startsWith("ctrl-c")) {
            var shell = launch(page, fence, String.join("\n", commands), false);
            shell.await(expected, SHOW_LIMIT, "to print what the page shows");
            shell.interrupt();
            shell.awaitExit(STOP_LIMIT);
        } else if (directive.startsWith("input")) {
            typeInto(page, fence, varying);
        } else {
            var shell = launch(page, fence, String.join("\n", commands), directive.startsWith("network"));
            shell.awaitSuccess(RUN_LIMIT);
            shell.check(expected);
            cwd = shell.finalDirectory();
        }
    }

    /** The first line runs; the others are typed into it, each once what the page shows above it has shown. */
    private void typeInto(Page page, Page.Fence fence, List<String> varying) throws IOException, InterruptedException {
        var body = fence.body();
        var shell = launch(page, fence, body.getFirst(), false);
        var shown = new ArrayList<String>();
        try (Writer keyboard = shell.keyboard()) {
            for (var line : body.subList(1, body.size())) {
                if (line.startsWith("#")) {
                    shown.add(line);
                    continue;
                }
                shell.await(Expected.of(Expected.outputOf(shown), varying), SHOW_LIMIT, "to print what the page shows before '" + line + "'");
                keyboard.write(line + "\n");
                keyboard.flush();
            }
            shell.await(Expected.of(Expected.outputOf(body), varying), SHOW_LIMIT, "to print what the page shows");
        }                                                               // Ctrl+D
        shell.awaitSuccess(STOP_LIMIT);
    }

    private void checkLog(Page page, Page.Fence fence, Expected expected) throws InterruptedException {
        if (background.isEmpty()) throw new AssertionError(page.where(fence) + ": a log block, but nothing runs in the background");
        background.getLast().await(expected, SHOW_LIMIT, "to log what " + page.where(fence) + " shows");
    }

    private void addDependency(List<String> xml) throws IOException {
        var pom = cwd.resolve("pom.xml");
        var text = Files.readString(pom);
        // The project's own dependencies, not the BOM import in <dependencyManagement> above them.
        int managed = text.indexOf("</dependencyManagement>");
        int end = text.indexOf("</dependencies>", Math.max(0, managed));
        if (end < 0) throw new AssertionError(pom + " has no <dependencies> to add to");
        int line = text.lastIndexOf('\n', end) + 1;
        Files.writeString(pom, text.substring(0, line) + String.join("\n", xml) + "\n" + text.substring(line));
    }

    /** Ctrl+C in every terminal the page left running, newest first; then nothing may be left. */
    private void stopBackground(Page page) throws IOException, InterruptedException {
        for (var shell : background.reversed()) {
            shell.interrupt();
            shell.awaitExit(STOP_LIMIT);
        }
        background.clear();
        var left = sandbox.endAllButItself();
        if (!left.isEmpty()) {
            throw new AssertionError(Page.DOCS.relativize(page.file()) + " leaves these running; tell the reader how to stop them:\n"
                    + String.join("\n", left));
        }
    }

    private Shell launch(Page page, Page.Fence fence, String commands, boolean network) throws IOException {
        var script = root.resolve("block-" + ++blocks + ".sh");
        var where = root.resolve("block-" + blocks + ".pwd");
        Files.writeString(script, "cd " + quote(cwd) + " || exit 1\nset -e\ntrap 'pwd > " + quote(where) + "' EXIT\n"
                + commands.replace("<strand-repository-url>", origin.toString()) + "\n");
        var command = new ArrayList<String>();
        if (!network) command.addAll(sandbox.enter());
        // A terminal's Ctrl+C reaches the command even when this JVM was started with SIGINT ignored
        // (as anything started in the background by a script is), which its children would inherit.
        command.addAll(List.of("env", "--default-signal=INT", "setsid", "bash", script.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        var env = builder.environment();
        env.put("HOME", home.toString());
        // Java takes user.home from the password database, not HOME: tell Maven, so that it keeps
        // the reader's local repository in the reader's home, reading what is missing from ours.
        // C1 alone starts Maven faster; these builds are short.
        env.put("MAVEN_OPTS", "-Duser.home=" + home + " -XX:TieredStopAtLevel=1");
        env.put("MAVEN_ARGS", "-Dmaven.repo.local.tail=" + System.getProperty("strand.m2.repository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()) + (network ? "" : " --offline"));
        var shell = new Shell(page.where(fence), builder.start(), where);
        everything.add(shell);
        return shell;
    }

    private void log(Page page, Page.Fence fence, String what) {
        System.out.printf("walkthrough %6.1f s  %s  %s%n", (System.nanoTime() - started) / 1e9,
                fence == null ? Page.DOCS.relativize(page.file()) : page.where(fence), what);
    }

    /** A git repository holding this checkout's files as they are now, committed or not. */
    private static Path snapshotOfThisCheckout(Path target) throws IOException, InterruptedException {
        var listed = new ProcessBuilder("git", "-C", REPOSITORY.toString(), "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var names = new String(listed.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\0");
        if (listed.waitFor() != 0) throw new IOException("git ls-files failed in " + REPOSITORY);
        for (var name : names) {
            var source = REPOSITORY.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(source)) continue;
            var copy = target.resolve(name);
            Files.createDirectories(copy.getParent());
            Files.copy(source, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (var step : List.of(List.of("init", "-q"), List.of("add", "-A"),
                List.of("-c", "user.name=walkthrough", "-c", "user.email=walkthrough@localhost", "commit", "-q", "-m", "snapshot"))) {
            var git = new ArrayList<>(List.of("git", "-C", target.toString()));
            git.addAll(step);
            if (new ProcessBuilder(git).inheritIO().start().waitFor() != 0) throw new IOException("failed: " + git);
        }
        return target;
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }

    /** Ends whatever still runs, the sandbox, and removes the reader's folders. */
    @Override
    public void close() throws IOException {
        try {
            for (var shell : everything) shell.kill();
            sandbox.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One terminal: a block's bash, in a process group of its own, and everything it printed. */
    private static final class Shell {
        private final String where;
        private final Process process;
        private final Path finalDirectory;
        private final StringBuilder output = new StringBuilder();
        private final Thread reader;

        Shell(String where, Process process, Path finalDirectory) {
            this.where = where;
            this.process = process;
            this.finalDirectory = finalDirectory;
            reader = Thread.ofVirtual().start(this::read);
        }

        private void read() {
            var buffer = new char[8192];
            try (var in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (output) {
                        output.append(buffer, 0, n);
                        output.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process is gone; what it printed is kept
            } finally {
                synchronized (output) {
                    output.notifyAll();
                }
            }
        }

        /** What it printed so far; once it ended, all it printed (its children may still hold the pipe: not for long). */
        String output() throws InterruptedException {
            if (!process.isAlive()) reader.join(Duration.ofSeconds(5));
            synchronized (output) {
                return output.toString();
            }
        }

        Writer keyboard() {
            return new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** Waits until the output shows what is expected. */
        void await(Expected expected, Duration limit, String what) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            synchronized (output) {
                while (expected.missingFrom(output.toString()) != null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !process.isAlive()) break;
                    TimeUnit.NANOSECONDS.timedWait(output, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
                }
            }
            var missing = expected.missingFrom(output());
            if (missing != null) {
                throw new AssertionError(where + ": expected the block " + what + " within " + limit.toSeconds() + " s"
                        + (process.isAlive() ? "" : " (it ended with exit code " + process.exitValue() + ")")
                        + "; no match for " + missing + " in:\n" + tail());
            }
        }

        void awaitExit(Duration limit) throws IOException, InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError(where + ": still running " + limit.toSeconds() + " s after Ctrl+C:\n" + tail());
            }
        }

        void awaitSuccess(Duration limit) throws IOException, InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError(where + ": did not finish within " + limit.toMinutes() + " min:\n" + tail());
            }
            if (process.exitValue() != 0) throw new AssertionError(where + ": failed with exit code " + process.exitValue() + ":\n" + tail());
        }

        void check(Expected expected) throws InterruptedException {
            var missing = expected.missingFrom(output());
            if (missing != null) throw new AssertionError(where + ": the page shows " + missing + ", but the block printed:\n" + tail());
        }

        Path finalDirectory() throws IOException {
            return Path.of(Files.readString(finalDirectory).strip());
        }

        /** Ctrl+C: SIGINT to the block's whole process group, as a terminal sends it. */
        void interrupt() throws IOException, InterruptedException {
            signal("-INT");
        }

        /** Ends the whole process group at once; the bash itself may be gone, what it started not. */
        void kill() throws IOException, InterruptedException {
            signal("-KILL");
        }

        private void signal(String signal) throws IOException, InterruptedException {
            new ProcessBuilder("kill", signal, "--", "-" + process.pid()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }

        private String tail() throws InterruptedException {
            var lines = output().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        }
    }

    /**
     * A network namespace with only a loopback interface, held open by a sleeping process, that
     * blocks enter with {@code nsenter}. Needs root, or unprivileged user namespaces.
     */
    private record Sandbox(Process holder, boolean asRoot) implements AutoCloseable {
        static Sandbox create() throws IOException, InterruptedException {
            boolean root = "root".equals(System.getProperty("user.name"));
            var command = new ArrayList<>(List.of("unshare", "--net"));
            if (!root) command.add("--map-root-user");
            command.addAll(List.of("--", "sh", "-c", "PATH=\"$PATH:/usr/sbin:/sbin\" ip link set lo up && echo up && exec sleep 86400"));
            var holder = new ProcessBuilder(command).redirectErrorStream(true).start();
            var said = new String(holder.getInputStream().readNBytes(3), StandardCharsets.UTF_8);
            if (!said.equals("up\n")) {
                holder.destroyForcibly();
                throw new IOException("cannot make a network namespace (" + String.join(" ", command) + "): " + said
                        + new String(holder.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return new Sandbox(holder, root);
        }

        /** The command prefix that runs a command inside. */
        List<String> enter() {
            var command = new ArrayList<>(List.of("nsenter", "--target", Long.toString(holder.pid()), "--net"));
            if (!asRoot) command.addAll(List.of("--user", "--preserve-credentials"));
            command.add("--");
            return command;
        }

        /** Kills every process in the namespace but the holder; returns what they were. */
        List<String> endAllButItself() throws IOException {
            var namespace = Files.readSymbolicLink(Path.of("/proc", Long.toString(holder.pid()), "ns", "net"));
            var ended = new ArrayList<String>();
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (var proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    long pid = Long.parseLong(proc.getFileName().toString());
                    if (pid == holder.pid()) continue;
                    try {
                        if (!Files.readSymbolicLink(proc.resolve("ns/net")).equals(namespace)) continue;
                        var cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ').strip();
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                        ended.add(pid + " " + cmdline);
                    } catch (IOException | SecurityException gone) {
                        // exited meanwhile, or not ours to see
                    }
                }
            }
            return ended;
        }

        @Override
        public void close() throws IOException {
            endAllButItself();
            holder.destroyForcibly();
        }
    }
}
