package dev.strand.internal.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers requests Jetty rejects before Strand sees them (a malformed request line, headers over
 * the limit, an ambiguous URI) in Strand's error format, with Jetty's short reason and never a
 * stack trace.
 */
final class ProtocolErrorHandler implements Request.Handler {
    private final ErrorResponses errors;

    ProtocolErrorHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        var reason = HttpStatus.getMessage(status);
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof org.eclipse.jetty.http.HttpException e
                && e.getReason() != null && !e.getReason().isBlank() && !e.getReason().equals(reason)) {
            reason = reason + ": " + e.getReason();
        }
        errors.write(request, response, callback, status, reason);
        return true;
    }
}
