package dev.strand.internal.assembly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.Context;
import dev.strand.ExceptionHandler;
import dev.strand.Middleware;
import dev.strand.Strand;
import dev.strand.config.StrandConfig;
import dev.strand.internal.http.ClientScript;
import dev.strand.internal.http.Endpoint;
import dev.strand.internal.http.ErrorResponses;
import dev.strand.internal.http.HttpEndpoint;
import dev.strand.internal.http.OpenStreams;
import dev.strand.internal.http.Services;
import dev.strand.internal.http.StrandHandler;
import dev.strand.internal.json.JsonCodec;
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
import dev.strand.internal.apidoc.ApiDescriptions;
import dev.strand.internal.apidoc.ApiDocsRoutes;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * An assembled app: its Jetty handler, what its requests share, how many routes it has, and its
     * API descriptions ({@code null} unless {@code ApiDocs.enabled})
     */
    public record App(StrandHandler handler, Services services, int routeCount, ApiDescriptions descriptions) {}

    private Assembly() {
    }

    /** Everything an app was built from. */
    public record Parts(StrandConfig config, List<String> packages, List<Object> controllers, List<Middleware> global,
                 List<Middleware> middleware, Map<Class<? extends Throwable>, ExceptionHandler<? extends Throwable>> exceptions,
                 ObjectMapper mapper, ClassLoader loader) {}

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

        var table = RouteTable.<Endpoint>builder();
        var definitions = new ArrayList<RouteDefinition>();
        for (var entry : controllers.entrySet()) {
            definitions.addAll(addRoutes(table, entry.getKey(), entry.getValue(), services, middleware));
        }
        if (!table.has("GET", PathPattern.parse(ClientScript.PATH))) {
            addRoutes(table, ClientScript.class, new ClientScript(), services, middleware);
        }
        var descriptions = describe(table, definitions, parts, services, middleware);
        var routes = table.build();
        if (controllers.isEmpty()) {
            LOG.warn("No routes found (scanned {}); route methods must be public, in public classes, annotated @Get, @Post, ...",
                    packages.isEmpty() ? "nothing" : packages);
        } else if (LOG.isInfoEnabled()) {
            LOG.info("Routes:\n{}", describe(routes));
        }
        var handler = new StrandHandler(routes, middleware.global(), services);
        return new App(handler, services, routes.routes().size(), descriptions);
    }

    /**
     * Describes the app's own routes, then adds the routes that serve the descriptions, which
     * therefore describe neither themselves nor {@code strand.js}; {@code null} when they are off.
     */
    private static ApiDescriptions describe(RouteTable.Builder<Endpoint> table, List<RouteDefinition> definitions, Parts parts,
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

    private static List<RouteDefinition> addRoutes(RouteTable.Builder<Endpoint> table, Class<?> type, Object instance, Services services,
                                  MiddlewareRegistry middleware) {
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
                table.add(new Route<>(def.httpMethod(), pattern, endpoint(def, chain, invoker, services.config()), def.origin()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }
        return definitions;
    }

    private static Endpoint endpoint(RouteDefinition def, Pipeline chain, Invoker invoker, StrandConfig config) {
        return switch (def.kind()) {
            case HTTP -> new HttpEndpoint(chain, invoker);
            case WS -> WsEndpoint.of(chain, invoker, (Ws) def.annotation(), config.ws());
            case SSE -> SseEndpoint.of(chain, invoker, (Sse) def.annotation(), config.sseHeartbeat());
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
