package dev.strand.internal.scan;

import dev.strand.annotation.Delete;
import dev.strand.annotation.Get;
import dev.strand.annotation.Patch;
import dev.strand.annotation.Post;
import dev.strand.annotation.Put;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Reads the route annotations of one controller class with plain reflection, once at startup. */
public final class RouteAnnotations {
    static final List<Class<? extends Annotation>> TYPES =
            List.of(Get.class, Post.class, Put.class, Delete.class, Patch.class, Ws.class, Sse.class);

    private RouteAnnotations() {
    }

    /**
     * The routes a controller class declares, in a stable order (method name).
     *
     * @throws IllegalStateException for a route method that is not public, naming it
     */
    public static List<RouteDefinition> of(Class<?> controller) {
        var found = new ArrayList<RouteDefinition>();
        var methods = controller.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (var method : methods) {
            for (var type : TYPES) {
                var annotation = method.getAnnotation(type);
                if (annotation == null) continue;
                if (!Modifier.isPublic(method.getModifiers()) || !Modifier.isPublic(controller.getModifiers())) {
                    throw new IllegalStateException(controller.getName() + "." + method.getName()
                            + " is annotated @" + type.getSimpleName()
                            + " but " + (Modifier.isPublic(controller.getModifiers()) ? "the method" : "its class")
                            + " is not public; make it public so Strand can call it");
                }
                found.add(definition(method, annotation));
            }
        }
        return found;
    }

    private static RouteDefinition definition(Method method, Annotation annotation) {
        return switch (annotation) {
            case Get a -> new RouteDefinition(RouteDefinition.Kind.HTTP, "GET", a.value(), method, a);
            case Post a -> new RouteDefinition(RouteDefinition.Kind.HTTP, "POST", a.value(), method, a);
            case Put a -> new RouteDefinition(RouteDefinition.Kind.HTTP, "PUT", a.value(), method, a);
            case Delete a -> new RouteDefinition(RouteDefinition.Kind.HTTP, "DELETE", a.value(), method, a);
            case Patch a -> new RouteDefinition(RouteDefinition.Kind.HTTP, "PATCH", a.value(), method, a);
            case Ws a -> new RouteDefinition(RouteDefinition.Kind.WS, "GET", a.value(), method, a);
            case Sse a -> new RouteDefinition(RouteDefinition.Kind.SSE, a.method().toUpperCase(Locale.ROOT),
                    a.value(), method, a);
            default -> throw new IllegalArgumentException("not a route annotation: " + annotation);
        };
    }
}
