package dev.strand.demo;

import dev.strand.Strand;
import dev.strand.broadcast.Hub;
import dev.strand.middleware.AccessLog;
import dev.strand.middleware.StaticFiles;

/** The Strand demo: real-time showcase pages and the APIs behind them. Port 60000 unless told otherwise. */
public final class DemoApp {
    /** The port the demo listens on when neither {@code --port} nor {@code PORT} says otherwise. */
    public static final int DEFAULT_PORT = 60000;

    private DemoApp() {
    }

    public static void main(String[] args) {
        app(Hub.inProcess()).args(args).start();
    }

    /** The demo with an in-process hub, so tests can start it on a random port. */
    public static Strand.Builder app() {
        return app(Hub.inProcess());
    }

    /** The demo with the given hub (in-process, or relayed through Redis across instances). */
    public static Strand.Builder app(Hub hub) {
        return Strand.builder()
                .scan(DemoApp.class.getPackageName())
                .controllers(new StreamController(new Market(hub)))
                .use(new AccessLog(), StaticFiles.classpath("public"))
                .port(DEFAULT_PORT);
    }
}
