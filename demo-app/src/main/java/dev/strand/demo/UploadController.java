package dev.strand.demo;

import dev.strand.Context;
import dev.strand.Upload;
import dev.strand.annotation.Post;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * File uploads of any size from a form or {@code curl -F}, each file streamed through a digest
 * as it arrives: nothing is held in memory or written to disk.
 */
public final class UploadController {

    /** What arrived in one file part. */
    public record Received(String field, String fileName, String contentType, long bytes, String sha256) {}

    @Post("/api/upload")
    public List<Received> upload(Context ctx) throws IOException, NoSuchAlgorithmException {
        var received = new ArrayList<Received>();
        for (Upload part : ctx.multipart()) {
            if (part.fileName() == null) continue;
            var digest = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (var in = part.inputStream()) {
                var buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                    total += n;
                }
            }
            received.add(new Received(part.name(), part.fileName(), part.contentType(), total,
                    HexFormat.of().formatHex(digest.digest())));
        }
        return received;
    }
}
