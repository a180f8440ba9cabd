package dev.strand.config;

import java.util.Objects;

/**
 * The API descriptions an app serves: OpenAPI 3.1 for its HTTP routes, AsyncAPI 3.0 for its
 * WebSocket and SSE routes, and optionally a Swagger UI page. Off by default; {@link #ON} serves
 * them at the paths below. The routes that serve them do not appear in them.
 *
 * @param enabled      whether the documents are served; default {@code false}
 * @param title        the API's title in both documents; default {@code "API"}
 * @param version      the API's version in both documents; default {@code "1.0.0"}
 * @param openApiPath  where the OpenAPI document is served; default {@code "/openapi.json"}
 * @param asyncApiPath where the AsyncAPI document is served; default {@code "/asyncapi.json"}
 * @param uiPath       where the Swagger UI page is served when {@code org.webjars:swagger-ui} is on
 *                     the class path; empty for no page; default {@code "/swagger-ui"}
 * @param serverUrl    the public base URL clients use, e.g. {@code "https://chat.example.com"}; empty
 *                     to take the scheme and {@code Host} of the request for the document; default empty
 */
public record ApiDocs(boolean enabled, String title, String version, String openApiPath, String asyncApiPath,
                      String uiPath, String serverUrl) {

    /** The defaults listed above: nothing served. */
    public static final ApiDocs DEFAULT = new ApiDocs(false, "API", "1.0.0", "/openapi.json", "/asyncapi.json",
            "/swagger-ui", "");

    /** The defaults, served. */
    public static final ApiDocs ON = DEFAULT.withEnabled(true);

    /**
     * Checks the settings.
     *
     * @throws NullPointerException     for a missing text
     * @throws IllegalArgumentException for a path that does not start with {@code /} (or, for
     *                                  {@code uiPath}, is not empty either), or two equal paths
     */
    public ApiDocs {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(serverUrl, "serverUrl");
        requirePath("openApiPath", openApiPath);
        requirePath("asyncApiPath", asyncApiPath);
        if (!Objects.requireNonNull(uiPath, "uiPath").isEmpty()) requirePath("uiPath", uiPath);
        if (openApiPath.equals(asyncApiPath) || openApiPath.equals(uiPath) || asyncApiPath.equals(uiPath)) {
            throw new IllegalArgumentException("openApiPath, asyncApiPath and uiPath must differ, were "
                    + openApiPath + ", " + asyncApiPath + ", " + uiPath);
        }
    }

    private static void requirePath(String name, String path) {
        if (!Objects.requireNonNull(path, name).startsWith("/")) {
            throw new IllegalArgumentException(name + " must start with '/', was '" + path + "'");
        }
    }

    /**
     * {@return these settings, served or not}
     *
     * @param on whether the documents are served
     */
    public ApiDocs withEnabled(boolean on) {
        return new ApiDocs(on, title, version, openApiPath, asyncApiPath, uiPath, serverUrl);
    }

    /**
     * {@return these settings with another title and version}
     *
     * @param title   the API's title, e.g. {@code "Chat"}
     * @param version the API's version, e.g. {@code "2.1.0"}
     */
    public ApiDocs withInfo(String title, String version) {
        return new ApiDocs(enabled, title, version, openApiPath, asyncApiPath, uiPath, serverUrl);
    }

    /**
     * {@return these settings with other paths}
     *
     * @param openApiPath  where the OpenAPI document is served
     * @param asyncApiPath where the AsyncAPI document is served
     * @param uiPath       where the Swagger UI page is served, empty for none
     */
    public ApiDocs withPaths(String openApiPath, String asyncApiPath, String uiPath) {
        return new ApiDocs(enabled, title, version, openApiPath, asyncApiPath, uiPath, serverUrl);
    }

    /**
     * {@return these settings with another {@code serverUrl}}
     *
     * @param url the public base URL, e.g. {@code "https://chat.example.com"}; empty to take the request's
     */
    public ApiDocs withServerUrl(String url) {
        return new ApiDocs(enabled, title, version, openApiPath, asyncApiPath, uiPath, url);
    }
}
