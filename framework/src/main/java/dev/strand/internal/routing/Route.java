package dev.strand.internal.routing;

import java.util.List;

/**
 * One entry of a {@link RouteTable}: an HTTP method and path pattern bound to a target.
 *
 * @param method  upper-case HTTP method
 * @param pattern the parsed path
 * @param target  what serves it (the HTTP layer's endpoint)
 * @param origin  where it was declared, for messages, e.g. {@code UserController.get}
 * @param <T>     the target type
 */
public record Route<T>(String method, PathPattern pattern, T target, String origin) {
    /** Parameter names in pattern order; index i names {@code RouteMatch.values()[i]}. */
    public List<String> paramNames() {
        return pattern.paramNames();
    }

    @Override
    public String toString() {
        return method + " " + pattern.source() + " -> " + origin;
    }
}
