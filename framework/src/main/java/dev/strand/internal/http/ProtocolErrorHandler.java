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
        var cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof org.eclipse.jetty.http.HttpException e
                && e.getReason() != null && !e.getReason().isBlank() ? e.getReason() : null;
        int status = corrected(response.getStatus());
        response.setStatus(status);
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        var reason = HttpStatus.getMessage(status);
        if (cause != null && !cause.equals(reason)) reason = reason + ": " + cause;
        errors.write(request, response, callback, status, reason);
        return true;
    }

    /**
     * Jetty's parser answers a request line naming HTTP/2.0 with 426 but without the
     * {@code Upgrade} header a 426 must carry (RFC 9110 §15.5.22); HTTP/2 is not reached by
     * upgrading from that line, so the answer is 505 HTTP Version Not Supported.
     */
    private static int corrected(int status) {
        return status == HttpStatus.UPGRADE_REQUIRED_426 ? HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 : status;
    }
}
