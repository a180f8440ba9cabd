package dev.strand.internal.assembly;

import java.lang.reflect.InvocationTargetException;

/** Creates the classes Strand was given by type (scanned controllers, {@code @Use} middleware) with their public no-arg constructor. */
final class NoArgConstructor {
    private NoArgConstructor() {
    }

    /**
     * A new instance of {@code type}.
     *
     * @param subject how a message names the class, e.g. {@code com.example.Users}
     * @param instead what to do instead of adding the constructor, e.g. {@code register an instance with ...}
     * @throws IllegalStateException naming the class: it has no public no-arg constructor, the
     *                               constructor threw, or the class cannot be instantiated
     */
    static Object invoke(Class<?> type, String subject, String instead) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(subject + " has no public no-arg constructor; add one, or " + instead);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the constructor of " + type.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(subject + " cannot be created: " + e.getMessage(), e);
        }
    }
}
