package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a message a {@code @Ws} or {@code @Sse} route sends to its client, for the AsyncAPI
 * description ({@code /asyncapi.json}). Repeat it for each kind of message:
 *
 * <pre>{@code
 * @Sse("/sse/poll/{id}")
 * @Sends(value = PollResults.class, event = "results")
 * public void watch(Context ctx, @PathParam String id) { ... }
 *
 * @Ws("/ws/chat/{room}")
 * @Receives(String.class)
 * @Sends(ChatEvent.class)          // a sealed interface: one of its records
 * @Sends(WsError.class)
 * public void chat(Context ctx, @PathParam String room) { ... }
 * }</pre>
 *
 * <p>The type is described as JSON Schema: a record or class by its JSON properties, a sealed
 * interface as one of its permitted types; {@code String} is a text message and {@code byte[]}
 * a binary one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Sends.List.class)
public @interface Sends {
    /** The Java type of the message, as sent with {@code sendJson}, {@code sendText} or {@code sendEvent}. */
    Class<?> value();

    /** On an {@code @Sse} route, the event's {@code event} field; empty for unnamed ({@code message}) events. */
    String event() default "";

    /** What the message means; empty for none. */
    String description() default "";

    /** Holds repeated {@link Sends}; written by the compiler, not by hand. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The messages, in declaration order. */
        Sends[] value();
    }
}
