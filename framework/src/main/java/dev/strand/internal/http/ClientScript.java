package dev.strand.internal.http;

import dev.strand.Context;
import dev.strand.annotation.Get;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Serves {@code strand.js}, the browser client (a reconnecting WebSocket and an EventSource
 * wrapper), at {@value #PATH} in every Strand app that does not declare that route itself.
 * Public only so the route machinery can call it.
 */
public final class ClientScript {
    /** Where every Strand app serves the client. */
    public static final String PATH = "/strand.js";

    private final byte[] script;
    private final String etag;

    public ClientScript() {
        try (var in = ClientScript.class.getResourceAsStream("/dev/strand/strand.js")) {
            if (in == null) throw new IllegalStateException("strand.js is missing from the framework jar");
            script = in.readAllBytes();
            etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script), 0, 8) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves the script, or 304 when the client's copy is current. */
    @Get(PATH)
    public void script(Context ctx) {
        ctx.setResponseHeader("ETag", etag).setResponseHeader("Cache-Control", "no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.setResponseStatus(304).send();
            return;
        }
        ctx.setResponseHeader("Content-Type", "text/javascript; charset=utf-8").setResponseBody(script).send();
    }
}
