package dev.strand.internal.apidoc;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.config.ApiDocs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Serves an app's API descriptions at the paths {@link ApiDocs} names, and the Swagger UI page when
 * the {@code org.webjars:swagger-ui} jar is on the class path. The assembly adds these routes after
 * describing the app, so they are not in the documents. Public only so the route machinery can call it.
 */
public final class ApiDocsRoutes {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Pattern UI_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.(?:css|js|png|html|map)");

    private final ApiDescriptions descriptions;
    private final ApiDocs settings;
    private final ClassLoader loader;
    private final String webjar;

    /**
     * Routes over {@code descriptions}, at the paths {@code settings} names.
     *
     * @param descriptions the app's documents
     * @param settings     the paths, the title for the page, and the server URL if set
     * @param loader       where to look for the Swagger UI webjar
     */
    public ApiDocsRoutes(ApiDescriptions descriptions, ApiDocs settings, ClassLoader loader) {
        this.descriptions = descriptions;
        this.settings = settings;
        this.loader = loader;
        this.webjar = settings.uiPath().isEmpty() ? null : webjarRoot(loader);
    }

    /** Whether the Swagger UI page is served: a {@code uiPath} is set and the webjar is on the class path. */
    public boolean servesUi() {
        return webjar != null;
    }

    /** {@code GET openApiPath}. */
    public void openApi(Context ctx) {
        ctx.setResponseHeader("Content-Type", "application/json").setResponseBody(descriptions.openApi(baseUrl(ctx))).send();
    }

    /** {@code GET asyncApiPath}. */
    public void asyncApi(Context ctx) {
        ctx.setResponseHeader("Content-Type", "application/json").setResponseBody(descriptions.asyncApi(baseUrl(ctx))).send();
    }

    /** {@code GET uiPath}: a Swagger UI page showing the OpenAPI document. */
    public void ui(Context ctx) {
        var page = """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>%1$s</title>
                  <link rel="stylesheet" href="%2$s/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%2$s/swagger-ui-bundle.js"></script>
                  <script>SwaggerUIBundle({ url: "%3$s", dom_id: "#swagger-ui" });</script>
                </body>
                </html>
                """.formatted(escapeHtml(settings.title()), settings.uiPath(), settings.openApiPath());
        ctx.setResponseHeader("Content-Type", "text/html; charset=utf-8").setResponseBody(page).send();
    }

    /** {@code GET uiPath/{file}}: a file of the Swagger UI webjar. */
    public void uiFile(Context ctx) throws IOException {
        var file = ctx.pathParam("file");
        if (!UI_FILE.matcher(file).matches()) throw new HttpException(404, "no such file");
        try (InputStream in = loader.getResourceAsStream(webjar + file)) {
            if (in == null) throw new HttpException(404, "no such file");
            var type = file.endsWith(".css") ? "text/css; charset=utf-8"
                    : file.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : file.endsWith(".png") ? "image/png"
                    : file.endsWith(".html") ? "text/html; charset=utf-8" : "application/json";
            ctx.setResponseHeader("Content-Type", type).setResponseHeader("Cache-Control", "max-age=86400")
                    .setResponseBody(in.readAllBytes()).send();
        }
    }

    /** Where clients reach the app: the configured URL, else this request's {@code Host} over plain HTTP (Strand speaks no TLS itself). */
    private URI baseUrl(Context ctx) {
        if (!settings.serverUrl().isEmpty()) return URI.create(settings.serverUrl());
        // scheme and host as the client used them: over TLS, and through a trusted proxy
        try {
            return new URI(ctx.scheme() + "://" + ctx.host());
        } catch (URISyntaxException e) {
            throw new HttpException(400, "the Host header is not a host name");
        }
    }

    /** The webjar's folder, named by the version its Maven metadata gives; {@code null} when it is not on the class path. */
    private static String webjarRoot(ClassLoader loader) {
        try (var in = loader.getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) return null;
            var properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            var root = WEBJAR + properties.getProperty("version") + "/";
            return loader.getResource(root + "swagger-ui-bundle.js") == null ? null : root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
