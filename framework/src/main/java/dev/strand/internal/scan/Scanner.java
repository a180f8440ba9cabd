package dev.strand.internal.scan;

import dev.strand.annotation.Global;
import io.github.classgraph.ClassGraph;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds an app's parts in the named packages: from the build-time {@link RouteIndex} when the
 * class path has one (no scan at all), else with one ClassGraph scan. The system property
 * {@code strand.scan=classpath} forces the scan, for a build whose index may be stale.
 */
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

    /** Finds the parts in {@code packages} and their sub-packages, from the index when there is one. */
    public static Found scan(List<String> packages, ClassLoader loader) {
        var index = "classpath".equals(System.getProperty("strand.scan")) ? null : RouteIndex.read(loader);
        if (index == null) return scanClassPath(packages, loader);
        return new Found(load(index.controllers(packages), loader), load(index.global(packages), loader));
    }

    /** Scans {@code packages} and their sub-packages with ClassGraph, ignoring any index. */
    public static Found scanClassPath(List<String> packages, ClassLoader loader) {
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

    private static List<Class<?>> load(java.util.Collection<String> names, ClassLoader loader) {
        return names.stream().<Class<?>>map(name -> {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("scanned class " + name + " cannot be loaded", e);
            }
        }).toList();
    }
}
