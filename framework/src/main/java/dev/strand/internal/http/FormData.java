package dev.strand.internal.http;

import dev.strand.HttpException;
import dev.strand.Upload;
import dev.strand.config.FormConfig;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.util.Attributes;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.Promise;

/**
 * A request's form body, read and parsed once by Jetty's parsers: the fields of a URL-encoded
 * body, or the fields and stored file parts of a multipart one.
 *
 * @param fields  the text fields in request order
 * @param uploads the file parts in request order; empty for a URL-encoded body
 * @param parts   what holds the multipart parts and their temporary files; {@code null} for a URL-encoded body
 */
record FormData(Fields fields, List<Upload> uploads, MultiPartFormData.Parts parts) {
    static final String URLENCODED = "application/x-www-form-urlencoded";
    static final String MULTIPART = "multipart/form-data";
    private static final FormData EMPTY = new FormData(Fields.EMPTY, List.of(), null);

    /**
     * Reads the body as the form its {@code Content-Type} says it is. The caller {@link #close()}s
     * what it returns when the exchange ends.
     */
    static FormData read(String contentType, Channel channel, FormConfig config) {
        var type = mediaType(contentType);
        if (URLENCODED.equals(type)) return urlEncoded(channel.receive(), contentType, config);
        if (MULTIPART.equals(type)) return multipart(contentType, channel, config);
        if (type == null && channel.receive().length == 0) return EMPTY;
        throw notAForm(type, "form fields");
    }

    /** The media type of a {@code Content-Type} value, lower case without parameters, or {@code null}. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) return null;
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static HttpException notAForm(String type, String what) {
        var sent = type == null ? "no Content-Type" : "Content-Type " + type;
        var accepted = what.equals("form fields") ? URLENCODED + " or " + MULTIPART : MULTIPART;
        return new HttpException(415, "This route reads " + what + " from " + accepted + "; the request sent " + sent);
    }

    private static FormData urlEncoded(byte[] body, String contentType, FormConfig config) {
        var charset = charset(contentType);
        // Jetty counts distinct names; a form of one name repeated is as costly, so pairs are counted.
        int pairs = 0;
        for (int i = 0; i < body.length; i++) {
            if ((i == 0 || body[i - 1] == '&') && body[i] != '&' && ++pairs > config.maxFields()) throw tooManyFields(config);
        }
        try {
            var fields = FormFields.getFields(Content.Source.from(ByteBuffer.wrap(body)), new Attributes.Lazy(), charset,
                    config.maxFields(), -1);
            return new FormData(fields, List.of(), null);
        } catch (RuntimeException e) {
            if (e instanceof org.eclipse.jetty.http.HttpException jetty && jetty.getCode() == 413) throw tooManyFields(config);
            // Jetty says only "invalid percent encoding"; the query check finds the field.
            var where = QueryString.malformed(new String(body, StandardCharsets.ISO_8859_1), "form field");
            throw new HttpException(400, where != null ? where : "Malformed form body: " + e.getMessage());
        }
    }

    private static HttpException tooManyFields(FormConfig config) {
        return new HttpException(413, "Form has more than " + config.maxFields() + " fields, the limit");
    }

    /** The charset a URL-encoded body's {@code Content-Type} names, UTF-8 by default; 415 for one the JVM lacks. */
    private static Charset charset(String contentType) {
        var name = MimeTypes.getCharsetFromContentType(contentType);
        if (name == null) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new HttpException(415, "Form charset '" + name + "' is not supported; send UTF-8");
        }
    }

    private static FormData multipart(String contentType, Channel channel, FormConfig config) {
        var boundary = boundary(contentType);
        var parser = new MultiPartFormData.Parser(boundary);
        parser.configure(new MultiPartConfig.Builder()
                .location(config.tempDirectory())
                .maxParts(config.maxFields())
                .maxPartSize(config.maxFileSize())
                .maxSize(config.maxMultipartSize())
                .maxMemoryPartSize(config.memoryThreshold())
                .build());
        var body = channel.requestBodyStream();
        var future = new CompletableFuture<MultiPartFormData.Parts>();
        // The stream's reads block this virtual thread, so parsing has ended when parse returns.
        parser.parse(Content.Source.from(body), Promise.Invocable.toPromise(future));
        MultiPartFormData.Parts parts;
        try {
            parts = future.join();
        } catch (RuntimeException e) {
            throw FormErrors.of(e, config);
        }
        var fields = new Fields(true);
        var uploads = new ArrayList<Upload>();
        for (var part : parts) {
            if (FormErrors.unsafe(part.getFileName())) {
                parts.close();
                throw FormErrors.unsafeFileName(part.getName(), part.getFileName());
            }
            if (part.getFileName() == null) {
                fields.add(part.getName(), part.getContentAsString(StandardCharsets.UTF_8));
            } else {
                uploads.add(new StoredUpload(part));
            }
        }
        return new FormData(fields.asImmutable(), List.copyOf(uploads), parts);
    }

    /** Releases the parts' memory and deletes their temporary files, but for those moved away with {@code transferTo}. */
    void close() {
        if (parts != null) parts.close();
    }

    /** The boundary a multipart body's {@code Content-Type} names; 400 without one. */
    static String boundary(String contentType) {
        var boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw new HttpException(400, "multipart/form-data without a boundary parameter; send Content-Type: "
                    + "multipart/form-data; boundary=... with the boundary the body uses");
        }
        return boundary;
    }
}
