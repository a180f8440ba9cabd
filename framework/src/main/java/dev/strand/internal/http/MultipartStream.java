package dev.strand.internal.http;

import dev.strand.Upload;
import dev.strand.config.FormConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * A multipart body read part by part as the handler asks, nothing stored. Jetty's push parser
 * ({@link MultiPart.Parser}) is driven from the handler's thread: whenever the handler wants more
 * than the parser has told, the next block of the body is read (blocking) and parsed, and what
 * the parser reports (a part's start, its bytes, its end, the end of the body, a failure) is
 * queued in order for the iterator and the parts' streams to take. At most one block's worth is
 * queued.
 */
final class MultipartStream implements Iterable<Upload> {
    private static final int BLOCK = 16 * 1024;

    private sealed interface Event permits Begin, Data, End, Complete, Failed {}

    private record Begin(String name, String fileName, String contentType) implements Event {}

    private record Data(byte[] bytes) implements Event {}

    private record End() implements Event {}

    private record Complete() implements Event {}

    private record Failed(RuntimeException error) implements Event {}

    private final InputStream body;
    private final FormConfig config;
    private final MultiPart.Parser parser;
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private final byte[] block = new byte[BLOCK];
    private long read;
    private boolean iterated;
    private Part current;

    MultipartStream(String boundary, InputStream body, FormConfig config) {
        this.body = body;
        this.config = config;
        this.parser = new MultiPart.Parser(boundary, new Listener());
        parser.setMaxParts(config.maxFields());
    }

    @Override
    public Iterator<Upload> iterator() {
        if (iterated) throw new IllegalStateException("the parts of a streamed multipart body can be iterated once");
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (current != null) {
                    current.drain();
                    current = null;
                }
                return switch (peek()) {
                    case Begin b -> true;
                    case Complete c -> false;
                    case Failed f -> throw f.error();
                    case Data d -> throw new IllegalStateException("part data outside a part");
                    case End e -> throw new IllegalStateException("part end outside a part");
                };
            }

            @Override
            public Upload next() {
                if (!hasNext()) throw new NoSuchElementException("no more parts");
                var begin = (Begin) events.poll();
                if (FormErrors.unsafe(begin.fileName())) throw FormErrors.unsafeFileName(begin.name(), begin.fileName());
                current = new Part(begin);
                return current;
            }
        };
    }

    /** The next event, reading and parsing more of the body until there is one; terminal events stay queued. */
    private Event peek() {
        while (events.isEmpty()) {
            int n;
            try {
                n = body.read(block);
            } catch (IOException e) {
                throw FormErrors.of(e, config);
            }
            if (n > 0) {
                read += n;
                if (read > config.maxMultipartSize()) throw FormErrors.bodyTooLarge(config);
            }
            parser.parse(n < 0 ? Content.Chunk.EOF : Content.Chunk.from(ByteBuffer.wrap(block, 0, n), false));
            if (n < 0 && events.isEmpty()) events.add(new Failed(FormErrors.truncated()));
        }
        return events.peek();
    }

    /** What the parser reports, queued in order; bytes are copied, since the block is read into again. */
    private final class Listener extends MultiPart.AbstractPartsListener {
        private String contentType;

        @Override
        public void onPartHeader(String name, String value) {
            super.onPartHeader(name, value);
            if (HttpHeader.CONTENT_TYPE.is(name)) contentType = value;
        }

        @Override
        public void onPartHeaders() {
            events.add(new Begin(getName(), getFileName(), contentType));
            contentType = null;
        }

        @Override
        public void onPartContent(Content.Chunk chunk) {
            var buffer = chunk.getByteBuffer();
            if (buffer.hasRemaining()) {
                var bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                events.add(new Data(bytes));
            }
        }

        @Override
        public void onPartEnd() {
            super.onPartEnd();
            events.add(new End());
        }

        @Override
        public void onPart(String name, String fileName, org.eclipse.jetty.http.HttpFields headers) {
            // Begin and End carry the part; nothing is kept.
        }

        @Override
        public void onComplete() {
            events.add(new Complete());
        }

        @Override
        public void onFailure(Throwable failure) {
            events.add(new Failed(FormErrors.of(failure, config)));
        }
    }

    /** One streamed part: its stream reads the queued bytes up to the part's end. */
    private final class Part extends InputStream implements Upload {
        private final Begin begin;
        private byte[] data;
        private int offset;
        private long size;
        private boolean ended;
        private boolean opened;

        Part(Begin begin) {
            this.begin = begin;
        }

        @Override
        public String name() {
            return begin.name();
        }

        @Override
        public String fileName() {
            return begin.fileName();
        }

        @Override
        public String contentType() {
            return begin.contentType();
        }

        @Override
        public long size() {
            return ended ? size : -1;
        }

        @Override
        public InputStream inputStream() {
            if (current != this) throw new IllegalStateException("part '" + name() + "' was left behind: read it before moving on");
            opened = true;
            return this;
        }

        @Override
        public void transferTo(Path target) throws IOException {
            if (opened) throw new IllegalStateException("part '" + name() + "' was already read");
            try (var in = inputStream(); var out = Files.newOutputStream(target)) {
                in.transferTo(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(target);
                throw e;
            }
        }

        @Override
        public int read() {
            var one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (current != this) throw new IllegalStateException("part '" + name() + "' was left behind: read it before moving on");
            if (len == 0) return 0;
            while (data == null || offset == data.length) {
                if (!advance()) return -1;
            }
            int n = Math.min(len, data.length - offset);
            System.arraycopy(data, offset, buffer, off, n);
            offset += n;
            return n;
        }

        /** Takes the next event of this part; false at its end. */
        private boolean advance() {
            if (ended) return false;
            switch (peek()) {
                case Data d -> {
                    events.poll();
                    size += d.bytes().length;
                    if (size > config.maxFileSize()) throw FormErrors.partTooLarge(config);
                    data = d.bytes();
                    offset = 0;
                    return true;
                }
                case End e -> {
                    events.poll();
                    ended = true;
                    return false;
                }
                case Failed f -> throw f.error();
                case Begin b -> throw new IllegalStateException("a part began inside part '" + name() + "'");
                case Complete c -> throw new IllegalStateException("the body ended inside part '" + name() + "'");
            }
        }

        /** Reads past what the handler left unread, counting it against the limit. */
        void drain() {
            data = null;
            while (advance()) {
                data = null;
            }
        }

        @Override
        public String toString() {
            return "Upload[" + name() + (fileName() == null ? "" : ", " + fileName()) + ", streamed]";
        }
    }
}
