package dev.strand.demo;

import dev.strand.Strand;
import dev.strand.broadcast.Hub;
import dev.strand.config.FormConfig;
import dev.strand.config.Operations;
import dev.strand.config.ApiDocs;
import dev.strand.middleware.AccessLog;
import dev.strand.middleware.StaticFiles;
import java.time.Duration;
import java.util.Map;

/**
 * The Strand demo: real-time showcase pages and the APIs behind them. Port 60000 unless told
 * otherwise; {@code --redis redis://host:port} (or {@code REDIS_URL}) lets instances share chat rooms.
 */
public final class DemoApp {
    /** The port the demo listens on when neither {@code --port} nor {@code PORT} says otherwise. */
    public static final int DEFAULT_PORT = 60000;

    private DemoApp() {
    }

    public static void main(String[] args) {
        app(rooms(redisUrl(System.getenv(), args))).args(args).start();
    }

    /** The demo with an in-process hub, so tests can start it on a random port. */
    public static Strand.Builder app() {
        return app(rooms(null));
    }

    /**
     * The hub for chat rooms: each room's topic keeps its last 500 messages, up to 10 minutes
     * old, for members who reconnect; through Redis when {@code redisUrl} is given.
     *
     * @param redisUrl {@code redis://host:port}, or {@code null} for one process
     * @return the hub
     */
    public static Hub rooms(String redisUrl) {
        var rooms = Hub.builder().history("chat:*", 500, Duration.ofMinutes(10));
        return (redisUrl == null ? rooms : rooms.redis(redisUrl)).build();
    }

    /**
     * The demo with chat rooms on {@code rooms}: in-process, or relayed through Redis so that
     * several instances share them. The whiteboards, polls and market keep their state in this
     * process, so their messages travel on an in-process hub of their own: relayed, they would
     * mix with another instance's different state. Metrics ({@code /metrics}) and health
     * ({@code /health/live}, {@code /health/ready}) are on, and cover both hubs.
     */
    public static Strand.Builder app(Hub rooms) {
        var local = Hub.builder().history(Market.TOPIC, 200, Duration.ofMinutes(1)).build();
        return Strand.builder()
                .scan(DemoApp.class.getPackageName())
                .controllers(new StreamController(new Market(local)), new ChatController(rooms),
                        new WhiteboardController(local), new PollController(local))
                .use(new AccessLog(), StaticFiles.classpath("public"))
                // Uploads stream through a digest (UploadController), so a file may be as large as a stream.
                .configure(c -> c.forms(FormConfig.DEFAULT.withMaxFileSize(1L << 30).withMaxMultipartSize(1L << 30)))
                .hub("rooms", rooms)
                .hub("local", local)
                .configure(c -> c.operations(Operations.ON))
                // /openapi.json, /asyncapi.json and, with the Swagger UI webjar on the class path, /swagger-ui
                .configure(c -> c.apiDocs(ApiDocs.ON.withInfo("Strand demo", "1.0.0")))
                .port(DEFAULT_PORT);
    }

    /**
     * The Redis URL from {@code --redis URL} or {@code --redis=URL}, else from the environment's
     * {@code REDIS_URL}; {@code null} when neither is set.
     *
     * @throws IllegalArgumentException when {@code --redis} has no value
     */
    static String redisUrl(Map<String, String> env, String... args) {
        for (int i = 0; i < args.length; i++) {
            String url;
            if (args[i].startsWith("--redis=")) url = args[i].substring("--redis=".length());
            else if (args[i].equals("--redis")) url = i + 1 < args.length ? args[i + 1] : "";
            else continue;
            if (url.isBlank() || url.startsWith("--")) throw new IllegalArgumentException("--redis needs a URL, e.g. --redis redis://localhost:6379");
            return url.strip();
        }
        var url = env.get("REDIS_URL");
        return url == null || url.isBlank() ? null : url.strip();
    }
}
