package dev.strand.internal.http;

import dev.strand.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/** A multipart part Jetty's parser stored, in memory or in a temporary file it deletes when the parts close. */
record StoredUpload(MultiPart.Part part) implements Upload {

    @Override
    public String name() {
        return part.getName();
    }

    @Override
    public String fileName() {
        return part.getFileName();
    }

    @Override
    public String contentType() {
        return part.getHeaders().get(HttpHeader.CONTENT_TYPE);
    }

    @Override
    public long size() {
        return part.getLength();
    }

    @Override
    public InputStream inputStream() {
        return Content.Source.asInputStream(part.createContentSource());
    }

    @Override
    public void transferTo(Path target) throws IOException {
        part.writeTo(target);
    }

    @Override
    public String toString() {
        return "Upload[" + name() + (fileName() == null ? "" : ", " + fileName()) + ", " + size() + " bytes]";
    }
}
