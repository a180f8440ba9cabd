package dev.strand.tests.corpus;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the server in this JVM logs, captured while it runs. The tests' SLF4J backend is
 * slf4j-simple, which writes each event to whatever {@code System.err} is at that moment, so a tee
 * on {@code System.err} sees every line (and still prints it).
 */
final class ServerLog implements AutoCloseable {
    /** slf4j-simple's line: {@code [thread] LEVEL logger - message}. */
    private static final Pattern ERROR = Pattern.compile("^(\\[[^\\]]*\\] )?ERROR .*");

    private final PrintStream original;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private ServerLog() {
        this.original = System.err;
        System.setErr(new PrintStream(new Tee(), true, StandardCharsets.UTF_8));
    }

    /** Starts capturing; {@link #close()} stops. */
    static ServerLog capture() {
        return new ServerLog();
    }

    /** A position in the log, for {@link #problemsSince(int)}. */
    int mark() {
        return lines.size();
    }

    /**
     * The lines since {@code mark} that a client's mistake must never cause: events at ERROR and
     * stack trace lines (at any level).
     */
    List<String> problemsSince(int mark) {
        synchronized (lines) {
            return lines.subList(Math.min(mark, lines.size()), lines.size()).stream()
                    .filter(l -> ERROR.matcher(l).matches() || l.startsWith("\tat ") || l.startsWith("Caused by: "))
                    .limit(20)
                    .toList();
        }
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    /** Copies to the original stream and cuts what passes into lines. */
    private final class Tee extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            original.write(b);
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8).stripTrailing());
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) write(bytes[i]);
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
