package dev.strand.internal.apidoc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strand.annotation.Body;
import dev.strand.annotation.FormParam;
import dev.strand.annotation.Header;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * One value a handler method takes from the request, read from its annotated parameters the way
 * the invoker binds them.
 *
 * @param in           where the value comes from
 * @param name         the parameter's name in the path, query, headers or form; the Java name for a body
 * @param parameter    the Java parameter, for its type
 * @param defaultValue the query or form parameter's default as written, or {@code null} for none
 */
record RouteInput(In in, String name, Parameter parameter, String defaultValue) {

    /** Where a value comes from, named as OpenAPI's {@code in} names it; a form field is one property of the body. */
    enum In { PATH, QUERY, HEADER, BODY, FORM }

    /** Whether a request must carry the value: a path parameter, a body, or a primitive without a default. */
    boolean required() {
        return in == In.PATH || in == In.BODY || (parameter.getType().isPrimitive() && defaultValue == null);
    }

    /** The value's schema, with its default when it has one. */
    ObjectNode schema(JsonSchemas schemas) {
        var schema = schemas.schema(parameter.getParameterizedType());
        if (defaultValue != null) schema.set("default", schemas.parameterValue(parameter.getType(), defaultValue));
        return schema;
    }

    /** The inputs of a handler method, in parameter order; {@code Context} parameters take nothing named. */
    static List<RouteInput> of(Method handler) {
        var inputs = new ArrayList<RouteInput>();
        for (var p : handler.getParameters()) {
            if (p.isAnnotationPresent(Body.class)) {
                inputs.add(new RouteInput(In.BODY, p.getName(), p, null));
            } else if (p.getAnnotation(PathParam.class) instanceof PathParam path) {
                inputs.add(new RouteInput(In.PATH, name(p, path.value()), p, null));
            } else if (p.getAnnotation(QueryParam.class) instanceof QueryParam query) {
                var fallback = QueryParam.NO_DEFAULT.equals(query.defaultValue()) ? null : query.defaultValue();
                inputs.add(new RouteInput(In.QUERY, name(p, query.value()), p, fallback));
            } else if (p.getAnnotation(FormParam.class) instanceof FormParam form) {
                var fallback = FormParam.NO_DEFAULT.equals(form.defaultValue()) ? null : form.defaultValue();
                inputs.add(new RouteInput(In.FORM, name(p, form.value()), p, fallback));
            } else if (p.getAnnotation(Header.class) instanceof Header header) {
                inputs.add(new RouteInput(In.HEADER, header.value(), p, null));
            }
        }
        return inputs;
    }

    private static String name(Parameter p, String declared) {
        return declared.isEmpty() ? p.getName() : declared;
    }
}
