package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to the first value of a form field, converted like {@link PathParam}:
 * a field of an {@code application/x-www-form-urlencoded} body, or a part without a file name of a
 * {@code multipart/form-data} body. A missing field gives {@link #defaultValue()} when set,
 * {@code null} for reference types, and 400 naming the field for primitives; a body of another
 * content type answers 415.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface FormParam {
    /** Marks "no default"; a value nobody writes in a form. */
    String NO_DEFAULT = "\u0000strand:none\u0000";

    /** The form field's name; empty means the Java parameter's name. */
    String value() default "";

    /** The value used when the form has no such field. */
    String defaultValue() default NO_DEFAULT;
}
