package com.example.forms;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Upload;
import dev.strand.annotation.Post;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Photo uploads: stored and moved into place, or streamed straight through. */
public final class Photos {
    private final Path directory;

    public Photos(Path directory) {
        this.directory = directory;
    }

    public record Saved(String title, String file, long bytes) {}

    // #region stored
    @Post("/photos")
    public Saved upload(Context ctx) throws IOException {
        var title = ctx.formParam("title");                  // a plain field of the same form
        Upload photo = ctx.upload("photo");                   // the first file part named "photo"
        if (photo == null) throw new HttpException(400, "send the photo as a file part named 'photo'");
        if (!"image/jpeg".equals(photo.contentType())) throw new HttpException(415, "photos are JPEG");
        var name = UUID.randomUUID() + ".jpg";               // never the client's file name as a path
        photo.transferTo(directory.resolve(name));           // moved from the temporary file, no copy
        return new Saved(title, name, photo.size());
    }
    // #endregion stored

    public record Counted(String name, String fileName, long bytes) {}

    // #region streamed
    @Post("/photos/count")
    public List<Counted> count(Context ctx) throws IOException {
        var counted = new ArrayList<Counted>();
        for (Upload part : ctx.multipart()) {                 // parts in order, straight from the socket
            try (InputStream in = part.inputStream()) {
                long bytes = in.transferTo(OutputStream.nullOutputStream());
                counted.add(new Counted(part.name(), part.fileName(), bytes));
            }
        }
        return counted;
    }
    // #endregion streamed
}
