package dev.strand.demo;

import dev.strand.Context;
import dev.strand.annotation.Post;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Uploads of any size, streamed through a digest without holding them in memory. */
public final class UploadController {

    /** What arrived. */
    public record Upload(long bytes, String sha256) {}

    @Post("/api/upload")
    public Upload upload(Context ctx) throws IOException, NoSuchAlgorithmException {
        var digest = MessageDigest.getInstance("SHA-256");
        long total = 0;
        try (var in = ctx.requestBodyStream()) {
            var buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        return new Upload(total, HexFormat.of().formatHex(digest.digest()));
    }
}
