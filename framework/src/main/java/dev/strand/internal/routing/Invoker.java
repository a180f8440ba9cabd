package dev.strand.internal.routing;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.annotation.Body;
import dev.strand.annotation.FormParam;
import dev.strand.annotation.Header;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.QueryParam;
import dev.strand.broadcast.MessageId;
import dev.strand.internal.json.JsonCodec;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Locale;

/**
 * Calls one handler method: resolves its arguments from the Context, invokes it and turns its
 * return value into the response body. The whole plan (method handle, one resolver per parameter,
 * the result writer) is made once at startup; a call does no reflection.
 */
public final class Invoker {
    /** Marks an argument {@link #bind} left for {@link #invoke(Context, Object[])}. */
    private static final Object UNBOUND = new Object();

    private final MethodHandle handle;
    private final Argument[] arguments;
    private final Result result;

    private Invoker(MethodHandle handle, Argument[] arguments, Result result) {
        this.handle = handle;
        this.arguments = arguments;
        this.result = result;
    }

    /**
     * Plans calls of {@code method} on {@code controller} ({@code null} for a static method).
     *
     * @param pathParams the route's path parameter names, to check {@code @PathParam} against
     * @throws IllegalArgumentException naming the parameter that cannot be bound
     */
    public static Invoker of(Object controller, Method method, JsonCodec json, List<String> pathParams) {
        var params = method.getParameters();
        var arguments = new Argument[params.length];
        for (int i = 0; i < params.length; i++) {
            arguments[i] = argument(params[i], json, pathParams);
        }
        try {
            var mh = lookupInto(method.getDeclaringClass()).unreflect(method);
            if (!Modifier.isStatic(method.getModifiers())) mh = mh.bindTo(controller);
            mh = mh.asType(MethodType.genericMethodType(params.length)).asSpreader(Object[].class, params.length);
            return new Invoker(mh, arguments, Result.of(method.getReturnType()));
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("it cannot be called: " + e.getMessage(), e);
        }
    }

    /**
     * A lookup with the access of {@code type} itself, so a controller needs no exported package:
     * on the class path every package is open; on the module path the app's module opens the
     * package to Strand.
     */
    private static MethodHandles.Lookup lookupInto(Class<?> type) throws IllegalAccessException {
        var strand = Invoker.class.getModule();
        var app = type.getModule();
        if (!app.isOpen(type.getPackageName(), strand)) {
            throw new IllegalAccessException("module " + app.getName() + " does not open package " + type.getPackageName()
                    + " to " + strand.getName() + "; add 'opens " + type.getPackageName() + " to " + strand.getName()
                    + ";' to its module-info.java");
        }
        // A named module reads only the modules it requires; the app's is not one of them.
        strand.addReads(app);
        return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    }

    /** Calls the handler with this request's arguments and records its return value as the body. */
    public void invoke(Context ctx) throws Exception {
        invoke(ctx, bind(ctx, true));
    }

    /**
     * Resolves the handler's arguments now, so that a parameter that does not convert or a body
     * that does not decode refuses the request before a stream or WebSocket starts.
     *
     * @param body whether {@code @Body} parameters are read now too; on a WebSocket they are the
     *             first message, read by {@link #invoke(Context, Object[])} once the connection is open
     * @throws dev.strand.HttpException 400 for a parameter that is missing or does not convert
     */
    public Object[] bind(Context ctx, boolean body) {
        var args = new Object[arguments.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = body || !arguments[i].readsBody() ? arguments[i].resolve(ctx) : UNBOUND;
        }
        return args;
    }

    /** Calls the handler with arguments from {@link #bind}, reading the ones it left for later first. */
    public void invoke(Context ctx, Object[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == UNBOUND) args[i] = arguments[i].resolve(ctx);
        }
        Object value;
        try {
            value = (Object) handle.invokeExact(args);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new java.lang.reflect.UndeclaredThrowableException(t);
        }
        if (value != null) result.write(ctx, value);
    }

    /** Produces one argument from the Context. */
    @FunctionalInterface
    private interface Argument {
        Object resolve(Context ctx);

        /** Whether resolving reads the request body (a WebSocket's next message). */
        default boolean readsBody() {
            return false;
        }
    }

    /** An argument that reads the body; see {@link #bind}. */
    @FunctionalInterface
    private interface BodyArgument extends Argument {
        @Override
        default boolean readsBody() {
            return true;
        }
    }

    /** How a return value becomes the body. */
    private enum Result {
        NONE, TEXT, BYTES, JSON;

        static Result of(Class<?> type) {
            if (type == void.class || type == Void.class) return NONE;
            if (type == String.class || type == CharSequence.class) return TEXT;
            if (type == byte[].class) return BYTES;
            return JSON;
        }

        void write(Context ctx, Object value) {
            switch (this) {
                case NONE -> { }
                case TEXT -> ctx.setResponseBody(value.toString());
                case BYTES -> ctx.setResponseBody((byte[]) value);
                case JSON -> ctx.setResponseBody(value);
            }
        }
    }

    private static Argument argument(Parameter p, JsonCodec json, List<String> pathParams) {
        var type = p.getType();
        if (type == Context.class) return ctx -> ctx;
        if (type == MessageId.class && p.getAnnotations().length == 0) return resumePoint(p);
        if (p.isAnnotationPresent(Body.class)) return body(type, p, json);
        var path = p.getAnnotation(PathParam.class);
        if (path != null) {
            var name = name(p, path.value(), "@PathParam");
            if (!pathParams.contains(name)) {
                throw new IllegalArgumentException("@PathParam(\"" + name + "\") names no parameter of the route's path; it has "
                        + (pathParams.isEmpty() ? "none" : pathParams));
            }
            var conv = converter(p, "@PathParam");
            var what = "path parameter '" + name + "'";
            return ctx -> conv.convert(ctx.pathParam(name), what);
        }
        var query = p.getAnnotation(QueryParam.class);
        if (query != null) {
            var name = name(p, query.value(), "@QueryParam");
            var conv = converter(p, "@QueryParam");
            var what = "query parameter '" + name + "'";
            var fallback = QueryParam.NO_DEFAULT.equals(query.defaultValue()) ? null : query.defaultValue();
            if (fallback != null) checkDefault(conv, fallback, what);
            return ctx -> optional(conv, ctx.queryParam(name), fallback, what, type);
        }
        var form = p.getAnnotation(FormParam.class);
        if (form != null) {
            var name = name(p, form.value(), "@FormParam");
            var conv = converter(p, "@FormParam");
            var what = "form field '" + name + "'";
            var fallback = FormParam.NO_DEFAULT.equals(form.defaultValue()) ? null : form.defaultValue();
            if (fallback != null) checkDefault(conv, fallback, what);
            return ctx -> optional(conv, ctx.formParam(name), fallback, what, type);
        }
        var header = p.getAnnotation(Header.class);
        if (header != null) {
            var conv = converter(p, "@Header");
            var what = "header '" + header.value() + "'";
            return ctx -> optional(conv, ctx.header(header.value()), null, what, type);
        }
        throw new IllegalArgumentException("parameter '" + p.getName() + "' of type " + type.getSimpleName()
                + " is not supported; take Context, or annotate it with @PathParam, @QueryParam, @FormParam, @Header or @Body");
    }

    /**
     * An unannotated {@link MessageId} is where the client asks to resume ({@link Context#resumeFrom()}):
     * {@code null} when it sent none or an empty one, a 400 when it is not a message id.
     */
    private static Argument resumePoint(Parameter p) {
        var conv = converter(p, "a resume point");
        var what = "the resume point (the Last-Event-ID header, or the lastEventId query parameter)";
        return ctx -> ctx.resumeFrom().filter(id -> !id.isEmpty()).map(id -> conv.convert(id, what)).orElse(null);
    }

    private static Object optional(ValueConverter conv, String value, String fallback, String what, Class<?> type) {
        if (value == null) value = fallback;
        if (value != null) return conv.convert(value, what);
        if (type.isPrimitive()) throw new HttpException(400, "missing " + what);
        return null;
    }

    private static void checkDefault(ValueConverter conv, String fallback, String what) {
        try {
            conv.convert(fallback, "the default of " + what);
        } catch (HttpException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static Argument body(Class<?> type, Parameter p, JsonCodec json) {
        if (type == byte[].class) return (BodyArgument) Context::requestBody;
        if (type == String.class) return (BodyArgument) Context::requestBodyString;
        var reader = json.reader(json.type(p.getParameterizedType()));
        return (BodyArgument) ctx -> {
            requireJson(ctx);
            return JsonCodec.read(reader, ctx.requestBody());
        };
    }

    /**
     * A body read as JSON must be declared JSON ({@code application/json} or a {@code +json} type
     * such as {@code application/merge-patch+json}, parameters like {@code charset} aside) or not
     * declared at all: scripts and the JDK's own client often send no {@code Content-Type}, and
     * parsing such a body is all they can mean. A body declared as something else, like the form
     * encoding {@code curl -d} sends, is answered 415 naming what the route reads, not parsed as
     * if the client had not said what it was.
     */
    private static void requireJson(Context ctx) {
        var declared = ctx.header("Content-Type");
        if (declared == null || declared.isBlank()) return;
        int semicolon = declared.indexOf(';');
        var type = (semicolon < 0 ? declared : declared.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || (type.endsWith("+json") && type.indexOf('/') > 0)) return;
        ctx.setResponseHeader("Accept", "application/json");
        throw new HttpException(415, "Content-Type " + type + " is not accepted here: this route reads a JSON body;"
                + " send it with Content-Type: application/json (or a +json type)");
    }

    private static ValueConverter converter(Parameter p, String annotation) {
        var conv = ValueConverter.of(p.getType());
        if (conv == null) {
            throw new IllegalArgumentException(annotation + " parameter '" + p.getName() + "' has type "
                    + p.getType().getSimpleName() + ", which Strand cannot convert to; use String, int, long, double, boolean, UUID or an enum");
        }
        return conv;
    }

    private static String name(Parameter p, String declared, String annotation) {
        if (!declared.isEmpty()) return declared;
        if (!p.isNamePresent()) {
            throw new IllegalArgumentException(annotation + " on parameter " + p.getName()
                    + " needs a name; write " + annotation + "(\"name\") or compile with -parameters");
        }
        return p.getName();
    }
}
