package dev.strand.internal.apidoc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strand.config.ApiDocs;
import dev.strand.internal.scan.RouteDefinition;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * An app's two API descriptions, made once at startup; each copy handed out gets the servers of
 * the address it is read at. Thread-safe: the documents are never changed after construction.
 */
public final class ApiDescriptions {
    /** The file names {@link #write} uses. */
    public static final String OPENAPI_FILE = "openapi.json", ASYNCAPI_FILE = "asyncapi.json";

    private final ObjectMapper mapper;
    private final ObjectNode openApi;
    private final ObjectNode asyncApi;

    private ApiDescriptions(ObjectMapper mapper, ObjectNode openApi, ObjectNode asyncApi) {
        this.mapper = mapper;
        this.openApi = openApi;
        this.asyncApi = asyncApi;
    }

    /**
     * Describes {@code routes}, the app's own: the routes that serve these documents are not among them.
     *
     * @throws IllegalArgumentException naming the method of the first declaration that cannot be described
     */
    public static ApiDescriptions of(List<RouteDefinition> routes, ApiDocs settings, ObjectMapper mapper) {
        return new ApiDescriptions(mapper, OpenApiDocument.of(routes, settings, mapper), AsyncApiDocument.of(routes, settings, mapper));
    }

    /**
     * The OpenAPI document, as UTF-8 JSON, for clients reaching the app at {@code baseUrl}.
     *
     * @param baseUrl scheme, host and port, e.g. {@code http://localhost:8080}
     */
    public byte[] openApi(URI baseUrl) {
        var doc = openApi.deepCopy();
        doc.putArray("servers").addObject().put("url", baseUrl.toString());
        // "servers" reads best right after "info".
        return json(reorder(doc));
    }

    /**
     * The AsyncAPI document, as UTF-8 JSON, for clients reaching the app at {@code baseUrl}: WebSocket
     * channels on its {@code ws}/{@code wss} twin, SSE channels on itself.
     *
     * @param baseUrl scheme, host and port, e.g. {@code http://localhost:8080}
     */
    public byte[] asyncApi(URI baseUrl) {
        var doc = asyncApi.deepCopy();
        boolean secure = "https".equalsIgnoreCase(baseUrl.getScheme());
        var servers = doc.putObject("servers");
        var host = baseUrl.getRawAuthority();
        var used = new HashSet<String>();
        doc.path("channels").forEach(c -> c.path("servers").forEach(ref -> used.add(ref.path("$ref").asText())));
        if (used.contains("#/servers/" + AsyncApiDocument.WS_SERVER)) {
            servers.putObject(AsyncApiDocument.WS_SERVER).put("host", host).put("protocol", secure ? "wss" : "ws");
        }
        if (used.contains("#/servers/" + AsyncApiDocument.HTTP_SERVER)) {
            servers.putObject(AsyncApiDocument.HTTP_SERVER).put("host", host).put("protocol", secure ? "https" : "http");
        }
        return json(reorder(doc));
    }

    /**
     * Writes {@value #OPENAPI_FILE} and {@value #ASYNCAPI_FILE} into {@code directory}, creating it if needed.
     *
     * @param directory where the files go; files of those names in it are replaced
     * @param baseUrl   the server the documents name, as for {@link #openApi(URI)}
     * @throws IOException when a file cannot be written
     */
    public void write(Path directory, URI baseUrl) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve(OPENAPI_FILE), openApi(baseUrl));
        Files.write(directory.resolve(ASYNCAPI_FILE), asyncApi(baseUrl));
    }

    /** The failure to describe a route, with the route's method and path in front, as other startup errors have them. */
    static IllegalArgumentException naming(RouteDefinition route, IllegalArgumentException e) {
        return new IllegalArgumentException(route.origin() + " (" + route.httpMethod() + " " + route.path() + "): " + e.getMessage(), e);
    }

    private static ObjectNode reorder(ObjectNode doc) {
        var ordered = doc.objectNode();
        for (var first : List.of("openapi", "asyncapi", "info", "servers")) {
            if (doc.has(first)) ordered.set(first, doc.get(first));
        }
        doc.properties().forEach(e -> ordered.putIfAbsent(e.getKey(), e.getValue()));
        return ordered;
    }

    private byte[] json(ObjectNode doc) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an API description", e);
        }
    }
}
