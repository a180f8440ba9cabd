package dev.strand;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * One part of a {@code multipart/form-data} request: a file or a plain field, with what its
 * headers said. Parts from {@link Context#uploads()} are stored (in memory up to
 * {@code FormConfig.memoryThreshold}, in a temporary file beyond it) and can be read any number
 * of times until the exchange ends, when their temporary files are deleted. Parts from
 * {@link Context#multipart()} are streamed from the socket as the handler reads them: readable
 * once, and only until the iteration moves on.
 *
 * <p>For the handler's thread.
 */
public interface Upload {

    /** {@return the form field's name, from the part's {@code Content-Disposition}} */
    String name();

    /**
     * {@return the file name the client sent, or {@code null} for a plain field; never contains
     * {@code /} or {@code \} and is never {@code .} or {@code ..} (such parts are refused with 400),
     * but is still the client's text: check it before using it in a path}
     */
    String fileName();

    /** {@return the part's {@code Content-Type} as sent, or {@code null} when it sent none} */
    String contentType();

    /** {@return the part's size in bytes; -1 for a streamed part not yet read to its end} */
    long size();

    /**
     * The part's content. A stored part opens a new stream each call; a streamed part returns its
     * one stream, which reads from the socket, blocking this (virtual) thread, and ends at the
     * part's end. Reading a streamed part past {@code FormConfig.maxFileSize} throws a 413
     * {@link HttpException}; a body cut short or malformed throws 400.
     *
     * @return the content, to be closed by the caller
     * @throws IllegalStateException for a streamed part once the iteration moved past it
     */
    InputStream inputStream();

    /**
     * Writes the part's content to {@code target}, replacing a file already there. A stored part
     * held in a temporary file is moved there when the file system allows, without a copy; the
     * file then belongs to the caller and is not deleted when the exchange ends. A streamed part
     * is copied as it arrives; when that fails the partial file is deleted.
     *
     * @param target the file to write
     * @throws IOException   when the file cannot be written
     * @throws HttpException as {@link #inputStream()} for a streamed part
     * @throws IllegalStateException for a streamed part already read, or once the iteration moved past it
     */
    void transferTo(Path target) throws IOException;
}
