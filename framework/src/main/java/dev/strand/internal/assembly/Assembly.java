package dev.strand.internal.assembly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.Context;
import dev.strand.ExceptionHandler;
import dev.strand.HealthCheck;
import dev.strand.Middleware;
import dev.strand.Strand;
import dev.strand.broadcast.Hub;
import dev.strand.config.Operations;
import dev.strand.config.StrandConfig;
import dev.strand.internal.apidoc.ApiDescriptions;
import dev.strand.internal.apidoc.ApiDocsRoutes;
import dev.strand.internal.http.ClientScript;
import dev.strand.internal.http.Endpoint;
import dev.strand.internal.http.ErrorResponses;
import dev.strand.internal.http.HttpEndpoint;
import dev.strand.internal.http.OpenStreams;
import dev.strand.internal.http.Services;
import dev.strand.internal.http.StrandHandler;
import dev.strand.internal.json.JsonCodec;
import dev.strand.internal.metrics.Meters;
import dev.strand.internal.micrometer.MicrometerMeters;
import dev.strand.internal.operations.Health;
import dev.strand.internal.operations.HealthEndpoint;
import dev.strand.internal.operations.MetricsEndpoint;
import dev.strand.internal.pipeline.Pipeline;
import dev.strand.internal.routing.Invoker;
import dev.strand.internal.routing.PathPattern;
import dev.strand.internal.routing.Route;
import dev.strand.internal.routing.RouteTable;
import dev.strand.internal.scan.RouteAnnotations;
import dev.strand.internal.scan.RouteDefinition;
import dev.strand.internal.scan.Scanner;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.internal.sse.SseEndpoint;
import dev.strand.internal.websocket.WsEndpoint;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an app's parts into a ready handler, once, at startup: scan, create controllers, plan
 * every handler call, freeze the route table. Every mistake found stops the start with a message
 * naming the class, the method and the route.
 */
public final class Assembly {
    private static final Logger LOG = LoggerFactory.getLogger(Strand.class);

    /**
     * An assembled app: its Jetty handler, what its requests share, how many routes it has, its
     * readiness, its metrics to close when it stops (nothing to close when they are off), and its
     * API descriptions ({@code null} unless {@code ApiDocs.enabled}).
     */
    public record App(StrandHandler handler, Services services, int routeCount, Health health, AutoCloseable metrics,
                      ApiDescriptions descriptions) {}

    private Assembly() {
    }

    /**
     * Everything an app was built from. {@code meterRegistry} is the app's Micrometer registry or
     * {@code null}, typed {@code Object} so that this code loads without Micrometer.
     */
    public record Parts(StrandConfig config, List<String> packages, List<Object> controllers, List<Middleware> global,
                 List<Middleware> middleware, Map<Class<? extends Throwable>, ExceptionHandler<? extends Throwable>> exceptions,
                 ObjectMapper mapper, ClassLoader loader, Object meterRegistry, Map<String, Hub> hubs, Map<String, HealthCheck> healthChecks) {}

    /** Scans, builds and checks the route table and middleware, failing on the first mistake with its class, method and route. */
    public static App assemble(Parts parts) {
        var json = parts.mapper() == null ? new JsonCodec() : new JsonCodec(parts.mapper());
        var services = new Services(parts.config(), json, new ErrorResponses(json, parts.exceptions()), new OpenStreams());
        var packages = parts.packages();
        var found = packages.isEmpty() ? new Scanner.Found(List.of(), List.of()) : Scanner.scan(packages, parts.loader());

        var controllers = new LinkedHashMap<Class<?>, Object>();
        for (var instance : parts.controllers()) controllers.put(instance.getClass(), instance);
        for (var type : found.controllers()) controllers.putIfAbsent(type, null);
        var middleware = new MiddlewareRegistry(parts.global(), found.globalMiddleware(), parts.middleware());
        var operations = parts.config().operations();
        var health = new Health(healthChecks(parts));
        var micrometer = operations.metrics() ? micrometer(parts) : null;
        Meters meters = micrometer == null ? Meters.OFF : micrometer;
        Routes built;
        try {
            built = routes(parts, controllers, services, middleware, operations, health, meters,
                    micrometer == null || operations.metricsPath().isEmpty() ? null : micrometer::scrape);
        } catch (RuntimeException e) {
            if (micrometer != null) micrometer.close();   // its JVM binders hold listeners and a JFR stream
            throw e;
        }
        var routes = built.table();
        if (controllers.isEmpty()) {
            LOG.warn("No routes found (scanned {}); route methods must be public, in public classes, annotated @Get, @Post, ...",
                    packages.isEmpty() ? "nothing" : packages);
        } else if (LOG.isInfoEnabled()) {
            LOG.info("Routes:\n{}", describe(routes));
        }
        var handler = new StrandHandler(routes, middleware.global(), services, meters.http());
        return new App(handler, services, routes.routes().size(), health, micrometer == null ? () -> { } : micrometer,
                built.descriptions());
    }

    /** The route table, and the API descriptions of the app's own routes ({@code null} when they are off). */
    private record Routes(RouteTable<Endpoint> table, ApiDescriptions descriptions) {}

    /**
     * The route table: the app's routes, the client script unless the app serves its own, the API
     * descriptions' routes and the operations endpoints that are on ({@code scrape} is {@code null}
     * when metrics are not served). The descriptions describe the app's routes alone.
     */
    private static Routes routes(Parts parts, Map<Class<?>, Object> controllers, Services services, MiddlewareRegistry middleware,
                                 Operations operations, Health health, Meters meters, Supplier<String> scrape) {
        var table = RouteTable.<Endpoint>builder();
        var definitions = new ArrayList<RouteDefinition>();
        for (var entry : controllers.entrySet()) {
            definitions.addAll(addRoutes(table, entry.getKey(), entry.getValue(), services, middleware, meters));
        }
        if (!table.has("GET", PathPattern.parse(ClientScript.PATH))) {
            addRoutes(table, ClientScript.class, new ClientScript(), services, middleware, meters);
        }
        var descriptions = describeApi(table, definitions, parts, services, middleware);
        if (operations.health()) {
            addOperation(table, operations.livePath(), new HealthEndpoint(middleware.global(), health, false), "Strand liveness");
            addOperation(table, operations.readyPath(), new HealthEndpoint(middleware.global(), health, true), "Strand readiness");
        }
        if (scrape != null) {
            addOperation(table, operations.metricsPath(), new MetricsEndpoint(middleware.global(), scrape), "Strand metrics");
        }
        return new Routes(table.build(), descriptions);
    }

    /** The readiness checks besides the server's own: each hub's Redis relay, then the app's. */
    private static List<Health.Named> healthChecks(Parts parts) {
        var checks = new ArrayList<Health.Named>();
        for (var hub : parts.hubs().entrySet()) {
            if (hub.getValue().relays()) checks.add(new Health.Named("redis:" + hub.getKey(), hub.getValue()::relayUp));
        }
        for (var check : parts.healthChecks().entrySet()) {
            var name = check.getKey();
            if (name.equals(Health.SERVER) || checks.stream().anyMatch(c -> c.name().equals(name))) {
                throw new IllegalStateException("health check name '" + name + "' is Strand's own; choose another");
            }
            checks.add(new Health.Named(name, check.getValue()));
        }
        return checks;
    }

    /**
     * Starts recording, failing with what to add when Micrometer is missing. Strand's operations
     * endpoints are not recorded as requests.
     */
    private static MicrometerMeters micrometer(Parts parts) {
        var operations = parts.config().operations();
        requireClass("io.micrometer.core.instrument.MeterRegistry", "io.micrometer:micrometer-core");
        boolean serve = !operations.metricsPath().isEmpty();
        if (parts.meterRegistry() == null) {
            requireClass("io.micrometer.prometheusmetrics.PrometheusMeterRegistry", "io.micrometer:micrometer-registry-prometheus");
        }
        var unrecorded = new HashSet<String>();
        if (serve) unrecorded.add(operations.metricsPath());
        if (operations.health()) unrecorded.addAll(Set.of(operations.livePath(), operations.readyPath()));
        var micrometer = new MicrometerMeters(operations, parts.meterRegistry(), parts.hubs(), unrecorded);
        if (serve && !micrometer.scrapes()) {
            micrometer.close();
            throw new IllegalStateException("serving metrics at " + operations.metricsPath() + " needs a PrometheusMeterRegistry,"
                    + " and the registry given to Strand.builder().meterRegistry(...) is none and holds none;"
                    + " add one, or set operations(o -> o.withMetricsPath(\"\")) to serve none");
        }
        return micrometer;
    }

    private static void requireClass(String name, String artifact) {
        try {
            Class.forName(name, false, Assembly.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("metrics are on (StrandConfig.operations) but " + artifact
                    + " is not on the class path: add it (version 1.17.x) to the application, or turn metrics off", e);
        }
    }

    private static void addOperation(RouteTable.Builder<Endpoint> table, String path, Endpoint endpoint, String origin) {
        try {
            table.add(new Route<>("GET", PathPattern.parse(path), endpoint, origin));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(origin + " (GET " + path + "): " + e.getMessage()
                    + "; move it with StrandConfig.operations", e);
        }
    }

    /**
     * Describes the app's own routes, then adds the routes that serve the descriptions, which
     * therefore describe neither themselves nor {@code strand.js}; {@code null} when they are off.
     */
    private static ApiDescriptions describeApi(RouteTable.Builder<Endpoint> table, List<RouteDefinition> definitions, Parts parts,
                                               Services services, MiddlewareRegistry middleware) {
        var settings = parts.config().apiDocs();
        if (!settings.enabled()) return null;
        ApiDescriptions descriptions;
        try {
            descriptions = ApiDescriptions.of(definitions, settings, services.json().mapper());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        var routes = new ApiDocsRoutes(descriptions, settings, parts.loader() == null ? Assembly.class.getClassLoader() : parts.loader());
        addRoute(table, routes, "openApi", settings.openApiPath(), services, middleware);
        addRoute(table, routes, "asyncApi", settings.asyncApiPath(), services, middleware);
        if (routes.servesUi()) {
            addRoute(table, routes, "ui", settings.uiPath(), services, middleware);
            addRoute(table, routes, "uiFile", settings.uiPath() + "/{file}", services, middleware);
        }
        return descriptions;
    }

    private static void addRoute(RouteTable.Builder<Endpoint> table, ApiDocsRoutes routes, String name, String path,
                                 Services services, MiddlewareRegistry middleware) {
        try {
            var method = ApiDocsRoutes.class.getMethod(name, Context.class);
            var pattern = PathPattern.parse(path);
            var invoker = Invoker.of(routes, method, services.json(), pattern.paramNames());
            table.add(new Route<>("GET", pattern, new HttpEndpoint(middleware.forRoute(method), invoker), "ApiDocs." + name));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ApiDocs (GET " + path + "): " + e.getMessage(), e);
        }
    }

    private static List<RouteDefinition> addRoutes(RouteTable.Builder<Endpoint> table, Class<?> type, Object instance,
                                                   Services services, MiddlewareRegistry middleware, Meters meters) {
        var definitions = RouteAnnotations.of(type);
        if (definitions.isEmpty() && instance != null) {
            throw new IllegalStateException(type.getName() + " was registered as a controller but declares no routes");
        }
        boolean needsInstance = definitions.stream().anyMatch(d -> !Modifier.isStatic(d.handler().getModifiers()));
        if (instance == null && needsInstance) instance = NoArgConstructor.invoke(type, type.getName(),
                "build it yourself and register it with Strand.builder().controllers(new " + type.getSimpleName() + "(...))");
        for (var def : definitions) {
            var where = def.origin() + " (" + def.httpMethod() + " " + def.path() + ")";
            try {
                var pattern = PathPattern.parse(def.path());
                var invoker = Invoker.of(instance, def.handler(), services.json(), pattern.paramNames());
                var chain = middleware.forRoute(def.handler());
                table.add(new Route<>(def.httpMethod(), pattern, endpoint(def, chain, invoker, services.config(), meters, pattern.source()), def.origin()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }
        return definitions;
    }

    private static Endpoint endpoint(RouteDefinition def, Pipeline chain, Invoker invoker, StrandConfig config, Meters meters,
                                     String route) {
        return switch (def.kind()) {
            case HTTP -> new HttpEndpoint(chain, invoker);
            case WS -> WsEndpoint.of(chain, invoker, (Ws) def.annotation(), config.ws(), meters.ws(route));
            case SSE -> SseEndpoint.of(chain, invoker, (Sse) def.annotation(), config.sseHeartbeat(), meters.sse(route));
        };
    }

    /**
     * The route table as the startup log shows it, one route a line: the kind (the HTTP method,
     * {@code WS} for a WebSocket, {@code SSE} for an event stream, {@code SSE POST} for one opened
     * by a POST), the path and the method that serves it.
     */
    private static String describe(RouteTable<Endpoint> routes) {
        int kindWidth = Math.max(7, routes.routes().stream().mapToInt(r -> kind(r).length()).max().orElse(0));
        int pathWidth = routes.routes().stream().mapToInt(r -> r.pattern().source().length()).max().orElse(0);
        var sb = new StringBuilder();
        for (Route<Endpoint> r : routes.routes()) {
            sb.append(String.format("  %-" + kindWidth + "s %-" + pathWidth + "s  %s%n", kind(r), r.pattern().source(), r.origin()));
        }
        return sb.toString().stripTrailing();
    }

    private static String kind(Route<Endpoint> route) {
        return switch (route.target()) {
            case WsEndpoint w -> "WS";
            case SseEndpoint s -> route.method().equals("GET") ? "SSE" : "SSE " + route.method();
            default -> route.method();
        };
    }

}
