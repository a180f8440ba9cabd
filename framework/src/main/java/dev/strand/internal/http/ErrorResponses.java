package dev.strand.internal.http;

import dev.strand.ClosedException;
import dev.strand.ExceptionHandler;
import dev.strand.HttpException;
import dev.strand.internal.json.JsonCodec;
import dev.strand.internal.pipeline.ErrorSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into the response a client can act on: the app's {@link ExceptionHandler} for
 * the most specific type it registered, else the status and a short fixed or client-meant message,
 * as JSON {@code {"error":..,"status":..}} when the client accepts JSON and as text otherwise.
 * Unexpected exceptions answer 500 with an id; the stack trace goes to the log under that id,
 * never to the wire.
 */
public final class ErrorResponses implements ErrorSink<StrandContext> {
    private static final Logger LOG = LoggerFactory.getLogger("dev.strand.errors");

    private final JsonCodec json;
    private final Map<Class<? extends Throwable>, ExceptionHandler<? extends Throwable>> handlers;

    public ErrorResponses(JsonCodec json, Map<Class<? extends Throwable>, ExceptionHandler<? extends Throwable>> handlers) {
        this.json = json;
        this.handlers = Map.copyOf(handlers);
    }

    /** The body of an error response. */
    record ErrorBody(String error, int status) {}

    /**
     * Records the response for {@code failure} on the context, to be sent when the exchange
     * completes; when nothing can be said any more (the client is gone, or the response is
     * already under way) the context is marked failed instead and the exchange will be aborted.
     */
    @Override
    public void failed(StrandContext ctx, Throwable failure) {
        try {
            answer(ctx, failure);
        } catch (RuntimeException | Error unexpected) {
            LOG.error("{} could not be answered", ctx, unexpected);
            ctx.fail(failure);
        }
    }

    private void answer(StrandContext ctx, Throwable failure) {
        if (failure instanceof ClosedException || (failure instanceof InterruptedException && ctx.closed())) {
            LOG.debug("{} ended: {}", ctx, failure.toString());
            ctx.fail(failure);
            return;
        }
        if (!ctx.canRespond()) {
            if (!(failure instanceof HttpException)) LOG.error("{} failed after the response started", ctx, failure);
            ctx.fail(failure);
            return;
        }
        if (applyHandler(ctx, failure)) return;
        var status = status(failure);
        var message = status == 500 ? internalError(ctx, failure) : message(failure);
        if (status != 500) LOG.debug("{} answered {}: {}", ctx, status, message);
        ctx.setResponseStatus(status);
        ctx.resetBody();
        write(ctx, status, message);
    }

    /**
     * Runs the handler registered for the closest type. An {@link HttpException} is the app's own
     * answer, so only handlers for {@code HttpException} (or its subtypes) see it, not catch-alls
     * registered for {@code RuntimeException} or {@code Exception}.
     */
    @SuppressWarnings("unchecked")
    private boolean applyHandler(StrandContext ctx, Throwable failure) {
        var last = failure instanceof HttpException ? HttpException.class : Throwable.class;
        for (Class<?> type = failure.getClass(); type != null && type != last.getSuperclass(); type = type.getSuperclass()) {
            var handler = (ExceptionHandler<Throwable>) handlers.get(type);
            if (handler == null) continue;
            try {
                ctx.resetBody();
                handler.handle(failure, ctx);
                return true;
            } catch (Throwable handlerFailure) {
                if (handlerFailure != failure) handlerFailure.addSuppressed(failure);
                var message = internalError(ctx, handlerFailure);
                if (ctx.canRespond()) {
                    ctx.setResponseStatus(500);
                    write(ctx, 500, message);
                } else {
                    ctx.fail(handlerFailure);
                }
                return true;
            }
        }
        return false;
    }

    /** Sets an error body on the context, to be sent by the caller. */
    void write(StrandContext ctx, int status, String message) {
        var body = body(ctx.header("Accept"), status, message);
        if (body.contentType().equals(Body.JSON)) ctx.setResponseHeader("Content-Type", Body.JSON);
        ctx.pendingBody(body);
    }

    /** Writes an error response straight to Jetty, for failures found before a Context exists. */
    void write(Request request, Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        var body = body(request.getHeaders().get(HttpHeader.ACCEPT), status, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
        response.write(true, ByteBuffer.wrap(body.bytes()), callback);
    }

    /** The error body for a client that sent {@code accept}: JSON when it takes JSON, a line of text otherwise. */
    private Body body(String accept, int status, String message) {
        return acceptsJson(accept)
                ? new Body(json.write(new ErrorBody(message, status)), Body.JSON)
                : new Body((message + "\n").getBytes(StandardCharsets.UTF_8), Body.TEXT);
    }

    /**
     * The status a failure answers with. Besides Strand's own exceptions, Jetty's 4xx exceptions
     * (thrown by its parsers when a request accessor meets malformed input, or by the WebSocket
     * upgrade) are the client's fault and keep their status.
     */
    static int status(Throwable failure) {
        return switch (failure) {
            case HttpException e -> e.status();
            case org.eclipse.jetty.http.HttpException e when isClientError(e.getCode()) -> e.getCode();
            default -> 500;
        };
    }

    private static String message(Throwable failure) {
        if (failure instanceof org.eclipse.jetty.http.HttpException e) {
            var reason = e.getReason();
            return reason == null || reason.isBlank() ? org.eclipse.jetty.http.HttpStatus.getMessage(e.getCode()) : reason;
        }
        return failure.getMessage();
    }

    private static boolean isClientError(int status) {
        return status >= 400 && status < 500;
    }

    private static String internalError(StrandContext ctx, Throwable failure) {
        return "Internal Server Error (error id " + logWithId(ctx, failure) + ")";
    }

    /**
     * Logs an unexpected failure of {@code subject} with its stack trace under a fresh id, and
     * returns the id: the client gets only the id, to quote when it reports the failure.
     */
    public static String logWithId(Object subject, Throwable failure) {
        var id = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
        LOG.error("{} failed [error id {}]", subject, id, failure);
        return id;
    }

    static boolean acceptsJson(String accept) {
        return accept != null && accept.contains("json");
    }
}
