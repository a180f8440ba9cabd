package dev.strand.demo;

import dev.strand.Strand;
import dev.strand.middleware.AccessLog;
import dev.strand.middleware.StaticFiles;

/** The Strand demo: real-time showcase pages and the APIs behind them. Port 60000 unless told otherwise. */
public final class DemoApp {
    /** The port the demo listens on when neither {@code --port} nor {@code PORT} says otherwise. */
    public static final int DEFAULT_PORT = 60000;

    private DemoApp() {
    }

    public static void main(String[] args) {
        app().args(args).start();
    }

    /** The demo as a builder, so tests can start it on a random port. */
    public static Strand.Builder app() {
        return Strand.builder()
                .scan(DemoApp.class.getPackageName())
                .use(new AccessLog(), StaticFiles.classpath("public"))
                .port(DEFAULT_PORT);
    }
}
