package dev.strand.middleware;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Middleware;
import dev.strand.internal.routing.PathSegments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Serves files for GET and HEAD requests that no route takes, from a classpath folder or a
 * directory: content type by extension, {@code ETag} and {@code Last-Modified} with 304 answers,
 * {@code Cache-Control}, and {@code index.html} for directories (a directory asked for without its
 * trailing slash is redirected to it, so relative links work). Nothing outside the root is ever
 * served: {@code ..} and {@code .} segments, encoded slashes, backslashes, NUL and drive letters
 * answer 400 or 404, and a symlink leading out of a directory root answers 404.
 *
 * {@snippet :
 * Strand.builder()
 *         .use(StaticFiles.classpath("public"))                          // GET /app.js -> public/app.js
 *         .use(StaticFiles.directory(Path.of("uploads")).at("/files"));  // GET /files/a.png
 * }
 */
public final class StaticFiles implements Middleware {
    private static final int SMALL_FILE = 64 * 1024;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final Source source;
    private final String prefix;
    private final String cacheControl;

    private StaticFiles(Source source, String prefix, String cacheControl) {
        this.source = source;
        this.prefix = prefix;
        this.cacheControl = cacheControl;
    }

    /**
     * {@return middleware serving files from a folder on the classpath, at the root, with {@code Cache-Control: no-cache}}
     *
     * @param folder the folder, e.g. {@code "public"} (the usual place: {@code src/main/resources/public}),
     *               loaded with the calling thread's context class loader
     */
    public static StaticFiles classpath(String folder) {
        var clean = folder.replaceAll("^/+|/+$", "");
        return new StaticFiles(new ClasspathSource(clean, Thread.currentThread().getContextClassLoader()), "/", "no-cache");
    }

    /**
     * {@return middleware serving files from a directory, at the root, with {@code Cache-Control: no-cache}}
     *
     * @param root the directory; symbolic links are resolved once, here
     * @throws IllegalArgumentException when it is not a readable directory
     */
    public static StaticFiles directory(Path root) {
        try {
            var real = root.toRealPath();
            if (!Files.isDirectory(real)) throw new IllegalArgumentException("static files root " + root + " is not a directory");
            return new StaticFiles(new DirectorySource(real), "/", "no-cache");
        } catch (IOException e) {
            throw new IllegalArgumentException("static files root " + root + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * {@return the same files served under a URL path instead of the root}
     *
     * @param urlPrefix the path, e.g. {@code "/assets"}; a missing leading or trailing slash is added
     */
    public StaticFiles at(String urlPrefix) {
        var p = urlPrefix.startsWith("/") ? urlPrefix : "/" + urlPrefix;
        return new StaticFiles(source, p.endsWith("/") ? p : p + "/", cacheControl);
    }

    /**
     * {@return the same files sent with another {@code Cache-Control} value}
     *
     * @param value the header value, e.g. {@code "max-age=3600"}; default {@code no-cache} (revalidate with the ETag)
     */
    public StaticFiles cacheControl(String value) {
        return new StaticFiles(source, prefix, value);
    }

    /** Innermost: after auth and every other middleware, just before the 404. */
    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void handle(Context ctx, Chain chain) throws Exception {
        var method = ctx.method();
        if (ctx.routePattern() != null || !(method.equals("GET") || method.equals("HEAD"))) {
            chain.proceed();
            return;
        }
        var path = ctx.path();
        if (path.length() == prefix.length() - 1 && prefix.startsWith(path) && prefix.length() > 1) {
            redirect(ctx, prefix);
            return;
        }
        if (!path.startsWith(prefix)) {
            chain.proceed();
            return;
        }
        var rel = path.substring(prefix.length());
        var segments = safeSegments(rel);
        var directoryAsked = rel.isEmpty() || rel.endsWith("/");
        var file = source.find(String.join("/", segments), directoryAsked);
        switch (file) {
            case Found.Missing m -> chain.proceed();
            case Found.Directory d -> redirect(ctx, path + "/");
            case Found.File f -> serve(ctx, f);
        }
    }

    /** Decoded segments of the path below the prefix, refusing anything that could leave the root. */
    private static String[] safeSegments(String rel) {
        String[] segments;
        try {
            segments = PathSegments.split("/" + rel);
        } catch (IllegalArgumentException e) {
            throw new HttpException(400, "Bad request path: " + e.getMessage());
        }
        for (var s : segments) {
            if (s.isEmpty() || s.indexOf('/') >= 0 || s.indexOf('\\') >= 0 || s.indexOf('\0') >= 0 || s.indexOf(':') >= 0) {
                throw new HttpException(400, "Bad file path");
            }
            if (s.equals(".") || s.equals("..")) throw new HttpException(404, "No such file");
        }
        return segments;
    }

    private static void redirect(Context ctx, String location) {
        ctx.setResponseStatus(301).setResponseHeader("Location", location).send();
    }

    private void serve(Context ctx, Found.File file) throws IOException {
        var etag = "\"" + Long.toHexString(file.length()) + "-" + Long.toHexString(file.lastModified()) + "\"";
        ctx.setResponseHeader("ETag", etag)
                .setResponseHeader("Last-Modified", HTTP_DATE.format(ZonedDateTime.ofInstant(
                        Instant.ofEpochMilli(file.lastModified()), ZoneOffset.UTC)))
                .setResponseHeader("Cache-Control", cacheControl);
        if (notModified(ctx, etag, file.lastModified())) {
            ctx.setResponseStatus(304).send();
            return;
        }
        ctx.setResponseHeader("Content-Type", ContentTypes.of(file.name()));
        try (InputStream in = file.open()) {
            if (file.length() <= SMALL_FILE) {
                ctx.setResponseBody(in.readAllBytes()).send();
                return;
            }
            ctx.setResponseHeader("Content-Length", String.valueOf(file.length()));
            var buffer = new byte[SMALL_FILE];
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                ctx.setResponseBody(n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n)).sendBody();
            }
        }
    }

    private static boolean notModified(Context ctx, String etag, long lastModified) {
        var ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            for (var tag : ifNoneMatch.split(",")) {
                var t = tag.trim();
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.equals(etag) || t.equals("*")) return true;
            }
            return false;
        }
        var since = ctx.header("If-Modified-Since");
        if (since == null) return false;
        try {
            return lastModified / 1000 <= ZonedDateTime.parse(since, HTTP_DATE).toEpochSecond();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** What a lookup found. */
    private sealed interface Found {
        record Missing() implements Found {}

        record Directory() implements Found {}

        /** A regular file; {@code open} gives its bytes. */
        record File(String name, long length, long lastModified, Opener opener) implements Found {
            InputStream open() throws IOException {
                return opener.open();
            }
        }
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    /** Where files come from; {@code rel} is already free of unsafe segments. */
    private interface Source {
        Found find(String rel, boolean directoryAsked) throws IOException;
    }

    private record DirectorySource(Path root) implements Source {
        @Override
        public Found find(String rel, boolean directoryAsked) throws IOException {
            var target = root.resolve(rel).normalize();
            if (!target.startsWith(root) || !Files.exists(target)) return new Found.Missing();
            if (Files.isDirectory(target)) {
                if (!directoryAsked) return Files.exists(target.resolve("index.html")) ? new Found.Directory() : new Found.Missing();
                target = target.resolve("index.html");
            }
            if (!Files.isRegularFile(target) || !target.toRealPath().startsWith(root)) return new Found.Missing();
            var file = target;
            return new Found.File(file.getFileName().toString(), Files.size(file), Files.getLastModifiedTime(file).toMillis(),
                    () -> Files.newInputStream(file));
        }
    }

    private record ClasspathSource(String folder, ClassLoader loader) implements Source {
        @Override
        public Found find(String rel, boolean directoryAsked) throws IOException {
            var base = rel.isEmpty() ? folder : folder + "/" + rel;
            var name = directoryAsked ? base + "/index.html" : base;
            var url = loader.getResource(name);
            if (url != null && !isDirectory(url)) return file(url, name);
            return !directoryAsked && loader.getResource(base + "/index.html") != null ? new Found.Directory() : new Found.Missing();
        }

        private static Found file(URL url, String name) throws IOException {
            var connection = url.openConnection();
            return new Found.File(name.substring(name.lastIndexOf('/') + 1), connection.getContentLengthLong(),
                    connection.getLastModified(), () -> url.openConnection().getInputStream());
        }

        private static boolean isDirectory(URL url) throws IOException {
            return switch (url.getProtocol()) {
                case "file" -> {
                    try {
                        yield Files.isDirectory(Path.of(url.toURI()));
                    } catch (URISyntaxException e) {
                        throw new UncheckedIOException(new IOException(e));
                    }
                }
                case "jar" -> {
                    var entry = ((JarURLConnection) url.openConnection()).getJarEntry();
                    yield entry == null || entry.isDirectory();
                }
                default -> false;
            };
        }
    }
}
