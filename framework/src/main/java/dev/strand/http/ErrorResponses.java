package dev.strand.http;

import dev.strand.ClosedException;
import dev.strand.HttpException;
import dev.strand.json.JsonCodec;
import dev.strand.json.JsonDecodeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into the response a client can act on: the status, and a short fixed or
 * client-meant message, as JSON {@code {"error":..,"status":..}} when the client accepts JSON and
 * as text otherwise. Unexpected exceptions answer 500 with an id; the stack trace goes to the log
 * under that id, never to the wire.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger("dev.strand.errors");

    private final JsonCodec json;

    public ErrorResponses(JsonCodec json) {
        this.json = json;
    }

    /** The body of an error response. */
    record ErrorBody(String error, int status) {}

    /**
     * Answers {@code failure} on the context's channel if it still can; otherwise the exchange is
     * torn down by {@link Channel#complete} and only the log hears of it.
     *
     * @return the failure to pass to {@link Channel#complete}, or {@code null} when answered
     */
    public Throwable handle(StrandContext ctx, Throwable failure) {
        if (failure instanceof ClosedException) {
            LOG.debug("{} ended: {}", ctx, failure.getMessage());
            return failure;
        }
        var status = status(failure);
        var message = status == 500 ? internalError(ctx, failure) : failure.getMessage();
        if (status != 500) LOG.debug("{} answered {}: {}", ctx, status, message);
        if (!ctx.channel().canRespond()) {
            return failure;
        }
        ctx.setResponseStatus(status);
        ctx.response().getHeaders().remove(HttpHeader.CONTENT_TYPE);
        write(ctx, status, message);
        try {
            ctx.send();
            return null;
        } catch (ClosedException e) {
            return e;
        }
    }

    /** Sets an error body on the context, to be sent by the caller. */
    public void write(StrandContext ctx, int status, String message) {
        var accept = ctx.header("Accept");
        if (acceptsJson(accept)) {
            ctx.setResponseHeader("Content-Type", "application/json");
            ctx.setResponseBody(json.write(new ErrorBody(message, status)));
        } else {
            ctx.setResponseBody(message + "\n");
        }
    }

    /** Writes an error response straight to Jetty, for failures found before a Context exists. */
    public void write(Request request, Response response, org.eclipse.jetty.util.Callback callback, int status, String message) {
        response.setStatus(status);
        byte[] body;
        if (acceptsJson(request.getHeaders().get(HttpHeader.ACCEPT))) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            body = json.write(new ErrorBody(message, status));
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        }
        response.write(true, java.nio.ByteBuffer.wrap(body), callback);
    }

    /** The status a failure answers with. */
    static int status(Throwable failure) {
        return switch (failure) {
            case HttpException e -> e.status();
            case JsonDecodeException e -> 400;
            default -> 500;
        };
    }

    private static String internalError(StrandContext ctx, Throwable failure) {
        var id = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
        LOG.error("{} failed [error id {}]", ctx, id, failure);
        return "Internal Server Error (error id " + id + ")";
    }

    static boolean acceptsJson(String accept) {
        return accept != null && accept.contains("json");
    }
}
