package dev.strand.demo;

import dev.strand.Context;
import dev.strand.annotation.Get;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The demo's index page. */
public final class IndexController {
    private final byte[] page = load();

    @Get("/")
    public void index(Context ctx) {
        ctx.setResponseHeader("Content-Type", "text/html; charset=utf-8").setResponseBody(page).send();
    }

    private static byte[] load() {
        try (var in = IndexController.class.getResourceAsStream("/public/index.html")) {
            if (in == null) throw new IllegalStateException("public/index.html is missing from the demo's classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
