package dev.strand.internal.scan;

import dev.strand.annotation.Global;
import io.github.classgraph.ClassGraph;
import java.util.List;
import java.util.TreeSet;

/** Finds an app's parts in the named packages with one ClassGraph scan at startup. */
public final class Scanner {
    private Scanner() {
    }

    /**
     * What the scan found, each list sorted by class name so the app assembles the same way on
     * every start.
     *
     * @param controllers      classes with at least one route method
     * @param globalMiddleware classes annotated {@link Global}
     */
    public record Found(List<Class<?>> controllers, List<Class<?>> globalMiddleware) {}

    /** Scans {@code packages} and their sub-packages. */
    public static Found scan(List<String> packages, ClassLoader loader) {
        var controllers = new TreeSet<String>();
        var global = new TreeSet<String>();
        try (var result = new ClassGraph()
                .overrideClassLoaders(loader)
                .enableMethodInfo()
                .enableAnnotationInfo()
                .ignoreMethodVisibility()
                .acceptPackages(packages.toArray(String[]::new))
                .scan()) {
            for (var type : RouteAnnotations.TYPES) {
                result.getClassesWithMethodAnnotation(type).forEach(c -> controllers.add(c.getName()));
            }
            result.getClassesWithAnnotation(Global.class).forEach(c -> global.add(c.getName()));
        }
        return new Found(load(controllers, loader), load(global, loader));
    }

    private static List<Class<?>> load(TreeSet<String> names, ClassLoader loader) {
        return names.stream().<Class<?>>map(name -> {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("scanned class " + name + " cannot be loaded", e);
            }
        }).toList();
    }
}
