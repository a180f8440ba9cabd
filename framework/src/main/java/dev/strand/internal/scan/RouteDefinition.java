package dev.strand.internal.scan;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * One annotated handler method found at startup.
 *
 * @param kind       which channel serves it
 * @param httpMethod upper-case HTTP method (GET for WebSocket upgrades)
 * @param path       the path pattern as written
 * @param handler    the annotated method
 * @param annotation the route annotation, for per-route options
 */
public record RouteDefinition(Kind kind, String httpMethod, String path, Method handler, Annotation annotation) {

    /** The channel a route serves. */
    public enum Kind { HTTP, WS, SSE }

    /** {@code SimpleClassName.method}, for messages. */
    public String origin() {
        return handler.getDeclaringClass().getSimpleName() + "." + handler.getName();
    }
}
