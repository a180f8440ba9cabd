package dev.strand;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.broadcast.Hub;
import dev.strand.config.Operations;
import dev.strand.config.StrandConfig;
import dev.strand.internal.apidoc.ApiDescriptions;
import dev.strand.config.Tls;
import dev.strand.internal.assembly.Assembly;
import dev.strand.internal.http.JettyServer;
import io.micrometer.core.instrument.MeterRegistry;
import dev.strand.internal.http.OpenStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Strand server, and where apps start one.
 *
 * {@snippet :
 * public static void main(String[] args) {
 *     Strand.run(App.class, args);          // scans App's package, honours --port, --host and PORT
 * }
 * }
 *
 * or, with everything spelled out:
 *
 * {@snippet :
 * Strand server = Strand.builder()
 *         .controllers(new UserController(db))
 *         .use(new AuthMiddleware())
 *         .port(0)
 *         .start();
 * int port = server.port();
 * server.stop();
 * }
 */
public final class Strand implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Strand.class);

    private final JettyServer jetty;
    private final StrandConfig config;
    private final Assembly.App app;
    /** Stops gracefully on SIGTERM or Ctrl-C: Strand's stop, not only Jetty's, so SSE streams end too. */
    private final Thread shutdownHook = Thread.ofPlatform().name("strand-shutdown").unstarted(this::stopServer);
    /** Held for a whole stop, so a second caller waits for the first stop to finish. */
    private final ReentrantLock stopping = new ReentrantLock();
    private boolean stopped;

    private Strand(JettyServer jetty, StrandConfig config, Assembly.App app) {
        this.jetty = jetty;
        this.config = config;
        this.app = app;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts an app whose controllers are in {@code app}'s package (and below), applying
     * {@code --port N}, {@code --host H}, the TLS options and the {@code PORT} environment variable
     * (see {@link Builder#args}).
     *
     * @param app  a class in the app's top package, usually the one with {@code main}
     * @param args the command line; arguments other than those {@link Builder#args} lists are ignored
     * @return the running server
     * @throws IllegalArgumentException for a malformed option or {@code PORT}
     * @throws IllegalStateException    naming the class, method and route of a mistake in the app,
     *                                  or the address when the port cannot be bound
     */
    public static Strand run(Class<?> app, String... args) {
        return builder().scan(app.getPackageName()).args(args).start();
    }

    /** {@return a builder for the programmatic form, with the default settings} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the port the server listens on (the real one when 0 was asked for)} */
    public int port() {
        return jetty.port();
    }

    /**
     * {@return the base URI a client on this machine reaches the server at, e.g.
     * {@code http://localhost:8080/}, or {@code https://localhost:8443/} with TLS}
     */
    public URI uri() {
        return URI.create((jetty.secure() ? "https" : "http") + "://" + clientHost(config.host()) + ":" + port() + "/");
    }

    /** {@return the plain HTTP port that redirects to HTTPS (the real one when 0 was asked for), or -1 when there is none} */
    public int redirectPort() {
        return jetty.redirectPort();
    }

    /** {@return the settings the server runs with} */
    public StrandConfig config() {
        return config;
    }

    /**
     * Stops gracefully: turns readiness to 503 and serves on for
     * {@link dev.strand.config.Operations#drainTime()} so a load balancer stops sending traffic;
     * then stops accepting, lets requests in flight finish for up to
     * {@link StrandConfig#stopTimeout()}, closes WebSockets with 1001 and ends SSE streams.
     * Blocks until stopped. Any thread; later calls do nothing.
     *
     * @throws IllegalStateException when Jetty failed to stop
     */
    public void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook itself is running this stop
        }
        stopServer();
    }

    private void stopServer() {
        stopping.lock();
        try {
            if (stopped) return;
            stopped = true;
            app.health().stopping();
            drain(config.operations().drainTime());
            jetty.stopAccepting();
            app.services().streams().endAll();
            jetty.stop();
            app.metrics().close();
        } catch (Exception e) {
            throw new IllegalStateException("Strand did not stop cleanly", e);
        } finally {
            stopping.unlock();
        }
    }

    /** Serves on while the load balancer's probes see readiness fail; an interrupt cuts it short. */
    private static void drain(java.time.Duration time) {
        if (time.isZero()) return;
        LOG.info("Strand is stopping: readiness answers 503; serving on for {} ms before closing", time.toMillis());
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Blocks until the server stops, with no bound: for a {@code main} that has nothing else to do.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void join() throws InterruptedException {
        jetty.join();
    }

    private static String clientHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? "localhost" : host;
    }

    /**
     * Collects what an app is made of; {@link #start()} checks it all and starts the server. Each
     * setter returns this builder. Not thread-safe.
     */
    public static final class Builder {
        /** The options {@link #args} takes a value for, each with an example value. */
        private static final Map<String, String> OPTIONS = Map.of("--port", "8080", "--host", "127.0.0.1",
                "--tls-cert", "cert.pem", "--tls-key", "key.pem", "--redirect-port", "8080");
        private final List<String> packages = new ArrayList<>();
        private final List<Object> controllers = new ArrayList<>();
        private final List<Middleware> global = new ArrayList<>();
        private final List<Middleware> middleware = new ArrayList<>();
        private final Map<Class<? extends Throwable>, ExceptionHandler<? extends Throwable>> exceptions = new LinkedHashMap<>();
        private StrandConfig.Builder config = StrandConfig.builder();
        private ObjectMapper mapper;
        private ClassLoader loader = Thread.currentThread().getContextClassLoader();
        /** The app's {@code MeterRegistry}, as {@code Object} so that a Strand without Micrometer never loads its class. */
        private Object meterRegistry;
        private final Map<String, Hub> hubs = new LinkedHashMap<>();
        private final Map<String, HealthCheck> healthChecks = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Scans these packages (and sub-packages) for controller classes, created with their
         * public no-arg constructor.
         *
         * @param packageNames package names, e.g. {@code "com.example.app"}
         * @return this builder
         */
        public Builder scan(String... packageNames) {
            packages.addAll(List.of(packageNames));
            return this;
        }

        /**
         * Registers controller instances the app built itself (they are not created again by the scan).
         *
         * @param instances objects whose methods carry route annotations
         * @return this builder
         */
        public Builder controllers(Object... instances) {
            controllers.addAll(List.of(instances));
            return this;
        }

        /**
         * Adds middleware that runs for every request, also those no route takes (404, 405,
         * static files), ordered by {@link Middleware#order()} and then as added.
         *
         * @param steps the middleware
         * @return this builder
         */
        public Builder use(Middleware... steps) {
            global.addAll(List.of(steps));
            return this;
        }

        /**
         * Registers middleware instances that {@link dev.strand.annotation.Use @Use} and
         * {@link dev.strand.annotation.Global @Global} name by class, instead of Strand creating
         * them; for middleware that needs constructor arguments.
         *
         * @param instances one instance per class
         * @return this builder
         */
        public Builder middleware(Middleware... instances) {
            middleware.addAll(List.of(instances));
            return this;
        }

        /**
         * Answers exceptions of {@code type} (and its subtypes, unless a closer type is registered)
         * with {@code handler}, replacing an earlier handler for the same type.
         *
         * @param type    the exception type
         * @param handler sets the response for it
         * @param <T>     the exception type
         * @return this builder
         */
        public <T extends Throwable> Builder exception(Class<T> type, ExceptionHandler<? super T> handler) {
            exceptions.put(type, handler);
            return this;
        }

        /**
         * Replaces the settings with these.
         *
         * @param settings all settings at once
         * @return this builder
         */
        public Builder config(StrandConfig settings) {
            config = settings.toBuilder();
            return this;
        }

        /**
         * Adjusts settings in place, e.g. {@code configure(c -> c.maxRequestBodySize(1 << 20))}.
         *
         * @param change given a builder holding the current settings, sets what it changes
         * @return this builder
         */
        public Builder configure(Consumer<StrandConfig.Builder> change) {
            change.accept(config);
            return this;
        }

        /**
         * Sets the port; 0 picks a free one. Default 8080.
         *
         * @param port 0..65535
         * @return this builder
         */
        public Builder port(int port) {
            config.port(port);
            return this;
        }

        /**
         * Sets the interface to listen on. Default {@code "0.0.0.0"} (all).
         *
         * @param host a host name or IP address, e.g. {@code "127.0.0.1"}
         * @return this builder
         */
        public Builder host(String host) {
            config.host(host);
            return this;
        }

        /**
         * Uses the application's own Jackson mapper for JSON bodies, as it is configured (Strand's
         * stricter defaults do not apply to it).
         *
         * @param objectMapper the mapper; used from many threads, so configure it before this call
         * @return this builder
         */
        public Builder objectMapper(ObjectMapper objectMapper) {
            mapper = objectMapper;
            return this;
        }

        /**
         * Records metrics into the app's own registry instead of a Prometheus registry of
         * Strand's, and turns metrics on ({@link dev.strand.config.Operations#metrics()}). The
         * metrics endpoint then needs a {@code PrometheusMeterRegistry} in it (directly or inside
         * a {@code CompositeMeterRegistry}), unless its path is set to {@code ""}. Strand does not
         * close an app's registry.
         *
         * @param registry the registry, with Micrometer 1.17.x on the class path
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Makes one of the app's hubs part of the server's operations: its activity is recorded
         * when metrics are on (tagged {@code hub=name}), and, for a hub that relays through Redis,
         * readiness answers 503 while the relay is down (check {@code redis:name}). The hub stays
         * the app's to close.
         *
         * @param name      what the metrics and the readiness answer call it, e.g. {@code "rooms"}
         * @param broadcast the hub the app's controllers publish to
         * @return this builder
         * @throws IllegalArgumentException when a hub of that name was added before
         */
        public Builder hub(String name, Hub broadcast) {
            Objects.requireNonNull(broadcast, "hub");
            if (hubs.putIfAbsent(Objects.requireNonNull(name, "name"), broadcast) != null) {
                throw new IllegalArgumentException("a hub named '" + name + "' was added already");
            }
            return this;
        }

        /**
         * Adds a readiness check: while it fails, the readiness endpoint answers 503 and shows
         * the check {@code DOWN} under its name. Asked at each probe.
         *
         * @param name  how the readiness answer shows it, e.g. {@code "database"}; not {@code "server"}
         *              nor {@code "redis:"} and a hub's name, which are Strand's
         * @param check the check
         * @return this builder
         * @throws IllegalArgumentException when a check of that name was added before
         */
        public Builder healthCheck(String name, HealthCheck check) {
            Objects.requireNonNull(check, "check");
            if (healthChecks.putIfAbsent(Objects.requireNonNull(name, "name"), check) != null) {
                throw new IllegalArgumentException("a health check named '" + name + "' was added already");
            }
            return this;
        }

        /**
         * Loads scanned classes with this loader; default the thread's context loader.
         *
         * @param classLoader the loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            loader = classLoader;
            return this;
        }

        /**
         * Applies the {@code PORT} environment variable, then the command line's options (each
         * also as {@code --name=value}); other arguments are left to the app:
         * <ul>
         * <li>{@code --port N}, {@code --host H}: where to listen</li>
         * <li>{@code --tls-cert FILE --tls-key FILE}: serve HTTPS with this PEM certificate chain and
         *     PKCS#8 key ({@link Tls#pem})</li>
         * <li>{@code --tls}: serve HTTPS with a self-signed certificate made at start, for local use ({@link Tls#selfSigned})</li>
         * <li>{@code --redirect-port N}: with TLS, also listen for plain HTTP on N and redirect it to HTTPS</li>
         * </ul>
         *
         * @param args the command line
         * @return this builder
         * @throws IllegalArgumentException for an option without a value, a port outside 0..65535,
         *                                  or {@code --tls-cert} without {@code --tls-key} (and the reverse)
         */
        public Builder args(String... args) {
            return args(System.getenv(), args);
        }

        Builder args(Map<String, String> env, String... args) {
            var envPort = env.get("PORT");
            if (envPort != null && !envPort.isBlank()) config.port(parsePort(envPort, "environment PORT"));
            String cert = null;
            String key = null;
            for (int i = 0; i < args.length; i++) {
                var arg = args[i];
                var eq = arg.indexOf('=');
                var name = eq > 0 ? arg.substring(0, eq) : arg;
                if (name.equals("--tls") && eq < 0) {
                    config.tls(Tls.selfSigned());
                    continue;
                }
                var example = OPTIONS.get(name);
                if (example == null) continue;
                String value;
                if (eq > 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(name + " needs a value, e.g. " + name + " " + example);
                }
                switch (name) {
                    case "--port" -> config.port(parsePort(value, name));
                    case "--host" -> config.host(value);
                    case "--tls-cert" -> cert = value;
                    case "--tls-key" -> key = value;
                    default -> config.redirectPort(parsePort(value, name));
                }
            }
            if ((cert == null) != (key == null)) {
                throw new IllegalArgumentException(cert == null
                        ? "--tls-key needs --tls-cert FILE too (the PEM certificate chain)"
                        : "--tls-cert needs --tls-key FILE too (the PEM private key)");
            }
            if (cert != null) config.tls(Tls.pem(Path.of(cert), Path.of(key)));
            return this;
        }

        private static int parsePort(String value, String source) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= 65535) return port;
            } catch (NumberFormatException ignored) {
                // reported below with the value
            }
            throw new IllegalArgumentException(source + " must be a port number 0..65535, was '" + value + "'");
        }

        /**
         * Writes the app's API descriptions, {@code openapi.json} (its HTTP routes, OpenAPI 3.1)
         * and {@code asyncapi.json} (its WebSocket and SSE routes, AsyncAPI 3.0), into
         * {@code directory} without starting the server: for a build step or a test. The
         * documents are those {@code ApiDocs} would serve, whether or not serving is enabled;
         * their server is {@code ApiDocs.serverUrl}, or {@code http://localhost:<port>}.
         * Controllers are created as {@link #start()} creates them.
         *
         * {@snippet :
         * Strand.builder().scan("com.example").writeApiDescriptions(Path.of("target/api"));
         * }
         *
         * @param directory where the two files go; created if missing, files in it replaced
         * @return the two files written
         * @throws IllegalStateException naming class, method and route of the first mistake found
         * @throws UncheckedIOException when a file cannot be written
         */
        public List<Path> writeApiDescriptions(Path directory) {
            var settings = config.build();
            var docs = settings.apiDocs().withEnabled(true);
            // Nothing is served, so nothing is recorded: metrics off, no registry, hubs or checks.
            var app = Assembly.assemble(new Assembly.Parts(settings.toBuilder().apiDocs(docs).operations(Operations.OFF).build(),
                    packages, controllers, global, middleware, exceptions, mapper, loader, null, Map.of(), Map.of()));
            var base = URI.create(docs.serverUrl().isEmpty() ? "http://" + clientHost(settings.host()) + ":" + settings.port()
                    : docs.serverUrl());
            try {
                app.descriptions().write(directory, base);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the API descriptions into " + directory, e);
            }
            return List.of(directory.resolve(ApiDescriptions.OPENAPI_FILE), directory.resolve(ApiDescriptions.ASYNCAPI_FILE));
        }

        /**
         * Scans, checks and starts the server, logging the route table and the URL. Returns once
         * the server listens.
         *
         * @return the running server; stop it with {@link Strand#stop()} or try-with-resources
         * @throws IllegalStateException naming class, method and route of the first mistake found,
         *                               or the address when the port cannot be bound
         */
        public Strand start() {
            long started = System.nanoTime();
            if (meterRegistry != null) config.operations(o -> o.withMetrics(true));
            var settings = config.build();
            var app = Assembly.assemble(new Assembly.Parts(settings, packages, controllers, global, middleware, exceptions,
                    mapper, loader, meterRegistry, hubs, healthChecks));
            if (settings.transport().tls() instanceof Tls.SelfSigned) {
                LOG.warn("TLS with a self-signed certificate made at start for localhost, 127.0.0.1 and ::1: for local use only;"
                        + " browsers warn about it and clients must be told to trust it. Give a real one with --tls-cert and --tls-key");
            }
            var jetty = new JettyServer(settings, app.handler(), app.services().errors());
            try {
                jetty.start();
            } catch (Exception e) {
                try {
                    jetty.stop();
                    app.metrics().close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new IllegalStateException("Strand could not listen on " + settings.host() + ":" + settings.port()
                        + ": " + e.getMessage(), e);
            }
            var strand = new Strand(jetty, settings, app);
            LOG.info("Strand listening on {} ({}; {} routes, started in {} ms)", strand.uri(),
                    jetty.protocols(), app.routeCount(), (System.nanoTime() - started) / 1_000_000);
            if (strand.redirectPort() >= 0) {
                LOG.info("Plain HTTP on port {} redirects to {}", strand.redirectPort(), strand.uri());
            }
            return strand;
        }
    }
}
