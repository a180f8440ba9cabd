package com.example.errors;

import dev.strand.Strand;
import java.util.NoSuchElementException;

public final class ErrorsApp {
    private ErrorsApp() {
    }

    /** The body of the app's own error answers. */
    public record Problem(String error, String detail) {}

    // #region mapping
    public static Strand.Builder app() {
        return Strand.builder()
                .controllers(new Orders(), new Game())
                .exception(NoSuchElementException.class, (e, ctx) -> ctx
                        .setResponseStatus(404)
                        .setResponseBody(new Problem("not found", e.getMessage())))
                .exception(IllegalArgumentException.class, (e, ctx) -> ctx
                        .setResponseStatus(422)
                        .setResponseBody(new Problem("invalid", e.getMessage())));
    }
    // #endregion mapping

    public static void main(String[] args) {
        app().args(args).start();
    }
}
