package dev.strand.internal.routing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A route found for a request, with its decoded path parameter values.
 *
 * @param route  the route
 * @param values parameter values by position, as {@link Route#paramNames()} names them
 */
public record RouteMatch<T>(Route<T> route, String[] values) implements Lookup<T> {

    /** The decoded value of a path parameter, or {@code null} if the route has none of that name. */
    public String param(String name) {
        int i = route.pattern().paramIndex(name);
        return i < 0 ? null : values[i];
    }

    /** All path parameters, in pattern order. */
    public Map<String, String> params() {
        var names = route.paramNames();
        var map = new LinkedHashMap<String, String>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) map.put(names.get(i), values[i]);
        return map;
    }
}
