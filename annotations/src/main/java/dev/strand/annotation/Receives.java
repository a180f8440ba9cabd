package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a message a {@code @Ws} route receives from its client, for the AsyncAPI description
 * ({@code /asyncapi.json}); repeat it for each kind. The type is described as for {@link Sends}:
 * {@code String} is any text message, {@code byte[]} a binary one, other types JSON text.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Receives.List.class)
public @interface Receives {
    /** The Java type of the message, as the handler reads it. */
    Class<?> value();

    /** What the message means; empty for none. */
    String description() default "";

    /** Holds repeated {@link Receives}; written by the compiler, not by hand. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The messages, in declaration order. */
        Receives[] value();
    }
}
