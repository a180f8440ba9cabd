package dev.strand.internal.routing;

import java.util.Set;

/** What a {@link RouteTable} found for a request: a match, a path served for other methods, or nothing. */
public sealed interface Lookup<T> permits RouteMatch, Lookup.OtherMethods, Lookup.NotFound {

    /** The path exists, but not for this method; {@code allowed} is what an {@code Allow} header lists. */
    record OtherMethods<T>(Set<String> allowed) implements Lookup<T> {}

    /** No route has this path. */
    record NotFound<T>() implements Lookup<T> {}
}
