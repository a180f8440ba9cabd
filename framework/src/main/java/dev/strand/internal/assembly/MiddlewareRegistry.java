package dev.strand.internal.assembly;

import dev.strand.Middleware;
import dev.strand.annotation.Use;
import dev.strand.internal.pipeline.Pipeline;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the middleware of every route at startup: the global list, then what {@link Use} names
 * on the controller class and on the method, each class instantiated once, all sorted by
 * {@link Middleware#order()} (stable, so equal orders keep global, class, route, listed order).
 */
final class MiddlewareRegistry {
    private final List<Middleware> global;
    private final Map<Class<?>, Middleware> instances = new HashMap<>();

    MiddlewareRegistry(List<Middleware> globalInstances, List<Class<?>> scannedGlobal, List<Middleware> registered) {
        for (var m : registered) instances.put(m.getClass(), m);
        var all = new ArrayList<>(globalInstances);
        for (var type : scannedGlobal) {
            var m = instance(type, "@Global on " + type.getName());
            if (!all.contains(m)) all.add(m);
        }
        this.global = sorted(all);
    }

    /** The chain for requests no route takes (404, 405, OPTIONS, static files). */
    Pipeline global() {
        return new Pipeline(global);
    }

    /** The chain for one route method. */
    Pipeline forRoute(Method handler) {
        var all = new ArrayList<>(global);
        all.addAll(named(handler.getDeclaringClass(), handler));
        all.addAll(named(handler, handler));
        return new Pipeline(sorted(all));
    }

    private List<Middleware> named(AnnotatedElement element, Method route) {
        var use = element.getAnnotation(Use.class);
        if (use == null) return List.of();
        var where = "@Use on " + (element instanceof Method ? route.getDeclaringClass().getSimpleName() + "." + route.getName()
                : route.getDeclaringClass().getName());
        var list = new ArrayList<Middleware>();
        for (var type : use.value()) list.add(instance(type, where));
        return list;
    }

    private Middleware instance(Class<?> type, String where) {
        var existing = instances.get(type);
        if (existing != null) return existing;
        if (!Middleware.class.isAssignableFrom(type)) {
            throw new IllegalStateException(where + " names " + type.getName() + ", which does not implement dev.strand.Middleware");
        }
        var created = (Middleware) NoArgConstructor.invoke(type, where + " names " + type.getName() + ", which",
                "register an instance with Strand.builder().middleware(new " + type.getSimpleName() + "(...))");
        instances.put(type, created);
        return created;
    }

    private static List<Middleware> sorted(List<Middleware> list) {
        var copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(Middleware::order));
        return List.copyOf(copy);
    }
}
