package dev.strand.internal.http;

import dev.strand.ClosedException;
import dev.strand.HttpException;
import dev.strand.config.FormConfig;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.concurrent.CompletionException;

/**
 * Turns a failure met while reading a form body into the answer a client can act on. Jetty's
 * multipart parser reports its limits as {@code IllegalStateException}s told apart only by their
 * text, so those texts are matched here, in one place, against Jetty 12.1's wording.
 */
final class FormErrors {

    private FormErrors() {
    }

    /** The exception to throw for {@code failure}: a Strand {@link HttpException} for a client's mistake. */
    static RuntimeException of(Throwable failure, FormConfig config) {
        var cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return switch (cause) {
            case HttpException e -> e;
            case ClosedException e -> e;
            case org.eclipse.jetty.http.HttpException e when e.getCode() >= 400 && e.getCode() < 500 ->
                    new HttpException(e.getCode() == 413 ? 413 : 400, "Malformed multipart body: " + e.getReason());
            case EOFException e -> truncated();
            case FileSystemException e -> new UncheckedIOException("cannot store an upload in " + config.tempDirectory(), e);
            case IOException e -> HttpChannel.malformedOrGone(e);
            case IllegalStateException e when e.getMessage() != null -> limit(e.getMessage(), config);
            case RuntimeException e -> e;
            default -> new IllegalStateException("reading a multipart body failed", cause);
        };
    }

    static HttpException truncated() {
        return new HttpException(400, "Multipart body ended before its closing boundary; the upload was cut short");
    }

    private static RuntimeException limit(String message, FormConfig config) {
        if (message.startsWith("max file size exceeded")) return partTooLarge(config);
        if (message.startsWith("max length exceeded")) return bodyTooLarge(config);
        if (message.startsWith("Form with too many keys")) return tooManyParts(config);
        if (message.startsWith("headers max length exceeded")) {
            return new HttpException(413, "Multipart part headers are larger than the limit of " + message.replaceAll("\\D", "") + " bytes");
        }
        return new HttpException(400, "Malformed multipart body: " + message);
    }

    static HttpException partTooLarge(FormConfig config) {
        return new HttpException(413, "A multipart part is larger than the limit of " + config.maxFileSize() + " bytes per file");
    }

    static HttpException bodyTooLarge(FormConfig config) {
        return new HttpException(413, "Multipart body is larger than the limit of " + config.maxMultipartSize() + " bytes");
    }

    static HttpException tooManyParts(FormConfig config) {
        return new HttpException(413, "Multipart body has more than " + config.maxFields() + " parts, the limit");
    }

    /** A file name the client made with a path in it: refused, since handlers often join it to a directory. */
    static HttpException unsafeFileName(String part, String fileName) {
        return new HttpException(400, "File name of part '" + part + "' must be a name without a path (no '/', '\\', '.' or '..'); was '"
                + fileName + "'");
    }

    /** Whether a client's file name could name another directory when joined to one. */
    static boolean unsafe(String fileName) {
        return fileName != null && (fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0 || fileName.equals(".")
                || fileName.equals("..") || fileName.indexOf('\0') >= 0);
    }
}
