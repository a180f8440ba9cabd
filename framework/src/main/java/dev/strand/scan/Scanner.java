package dev.strand.scan;

import io.github.classgraph.ClassGraph;
import java.util.List;
import java.util.TreeSet;

/** Finds controller classes, those with route-annotated methods, in the named packages. Runs once at startup. */
public final class Scanner {
    private Scanner() {
    }

    /**
     * Names the classes under {@code packages} that declare at least one route method, sorted by
     * name so the route table reads the same on every start.
     */
    public static List<Class<?>> controllers(List<String> packages, ClassLoader loader) {
        var names = new TreeSet<String>();
        try (var result = new ClassGraph()
                .overrideClassLoaders(loader)
                .enableMethodInfo()
                .enableAnnotationInfo()
                .ignoreMethodVisibility()
                .acceptPackages(packages.toArray(String[]::new))
                .scan()) {
            for (var type : RouteAnnotations.TYPES) {
                result.getClassesWithMethodAnnotation(type).forEach(c -> names.add(c.getName()));
            }
        }
        return names.stream().<Class<?>>map(name -> load(name, loader)).toList();
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("scanned class " + name + " cannot be loaded", e);
        }
    }
}
