package dev.strand.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The server's settings, immutable once the server starts. Every option has a default that suits
 * a development machine; {@link #builder()} starts from those defaults.
 *
 * @param host                 interface to listen on; default {@code "0.0.0.0"}
 * @param port                 TCP port; 0 picks a free one, reported by {@code Strand.port()}; default 8080
 * @param tcpNoDelay           disable Nagle's algorithm on accepted sockets; default {@code true}
 * @param lingerSeconds        SO_LINGER on accepted sockets, -1 for the OS default; default -1
 * @param acceptQueueSize      listen backlog; default 1024
 * @param idleTimeout          closes an HTTP connection idle for this long; default 30 s
 * @param limits               request size limits; default {@link Limits#DEFAULT}, {@link Limits#STRICT} for the public internet
 * @param maxConnections       open connections accepted at once, 0 for no limit; further clients
 *                             wait in the accept queue; default 10,000
 * @param stopTimeout          how long a graceful stop waits for requests in flight; default 5 s
 * @param ws                   WebSocket defaults; default {@link WsConfig#DEFAULT}
 * @param sseHeartbeat         how often an SSE stream sends a comment so that a vanished client is
 *                             noticed even when the handler sends nothing; zero turns it off; default 15 s
 * @param forms                form and upload limits; default {@link FormConfig#DEFAULT}
 * @param trustedProxies       reverse proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers
 *                             are believed, as IP addresses ({@code "10.0.0.7"}, {@code "::1"}) or CIDR
 *                             blocks ({@code "10.0.0.0/8"}); a request from any other peer has those
 *                             headers ignored. Default none: the headers are always ignored
 * @param operations           metrics and health endpoints; default {@link Operations#OFF}
 * @param apiDocs              the OpenAPI and AsyncAPI descriptions served; default {@link ApiDocs#DEFAULT} (none)
 * @param transport            TLS, HTTP/2 and compression; default {@link Transport#DEFAULT} (plain HTTP/1.1
 *                             and h2c, compression on)
 */
public record StrandConfig(
        String host,
        int port,
        boolean tcpNoDelay,
        int lingerSeconds,
        int acceptQueueSize,
        Duration idleTimeout,
        Limits limits,
        int maxConnections,
        Duration stopTimeout,
        WsConfig ws,
        Duration sseHeartbeat,
        FormConfig forms,
        List<String> trustedProxies,
        Operations operations,
        ApiDocs apiDocs,
        Transport transport) {

    /**
     * Checks the settings.
     *
     * @throws NullPointerException     for a missing host, duration, limits, WebSocket, form, operations, API-docs or transport
     *                                  settings, or proxy list
     * @throws IllegalArgumentException for a port outside 0..65535, a negative {@code maxConnections}, or
     *                                  a trusted proxy that is not an IP address or CIDR block
     */
    public StrandConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(ws, "ws");
        Objects.requireNonNull(sseHeartbeat, "sseHeartbeat");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(apiDocs, "apiDocs");
        Objects.requireNonNull(transport, "transport");
        if (maxConnections < 0) throw new IllegalArgumentException("maxConnections must be >= 0");
        Objects.requireNonNull(forms, "forms");
        trustedProxies = List.copyOf(trustedProxies);
        for (var proxy : trustedProxies) {
            if (!ADDRESS_OR_BLOCK.matcher(proxy).matches()) {
                throw new IllegalArgumentException("trustedProxies entry '" + proxy
                        + "' is not an IP address or CIDR block, e.g. 10.0.0.7, 10.0.0.0/8 or fd00::/8");
            }
        }
    }

    /** An IPv4 or IPv6 literal with an optional prefix length; never a name, which would need DNS. */
    private static final java.util.regex.Pattern ADDRESS_OR_BLOCK = java.util.regex.Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}(?:/(?:3[0-2]|[12]?\\d))?"
            + "|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:/(?:12[0-8]|1[01]\\d|[1-9]?\\d))?)");

    /** {@return the defaults listed on the record} */
    public static StrandConfig defaults() {
        return builder().build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from these settings} */
    public Builder toBuilder() {
        var b = new Builder();
        b.host = host;
        b.port = port;
        b.tcpNoDelay = tcpNoDelay;
        b.lingerSeconds = lingerSeconds;
        b.acceptQueueSize = acceptQueueSize;
        b.idleTimeout = idleTimeout;
        b.limits = limits;
        b.maxConnections = maxConnections;
        b.stopTimeout = stopTimeout;
        b.ws = ws;
        b.sseHeartbeat = sseHeartbeat;
        b.forms = forms;
        b.trustedProxies = trustedProxies;
        b.operations = operations;
        b.apiDocs = apiDocs;
        b.transport = transport;
        return b;
    }

    /**
     * Collects settings; each setter's option is described, with its default, on
     * {@link StrandConfig}. Each returns this builder. Not thread-safe.
     */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8080;
        private boolean tcpNoDelay = true;
        private int lingerSeconds = -1;
        private int acceptQueueSize = 1024;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Limits limits = Limits.DEFAULT;
        private int maxConnections = 10_000;
        private Duration stopTimeout = Duration.ofSeconds(5);
        private WsConfig ws = WsConfig.DEFAULT;
        private Duration sseHeartbeat = Duration.ofSeconds(15);
        private FormConfig forms = FormConfig.DEFAULT;
        private List<String> trustedProxies = List.of();
        private Operations operations = Operations.OFF;
        private ApiDocs apiDocs = ApiDocs.DEFAULT;
        private Transport transport = Transport.DEFAULT;

        private Builder() {
        }

        /**
         * Sets {@code host}.
         *
         * @param host interface to listen on, e.g. {@code "127.0.0.1"}
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets {@code port}.
         *
         * @param port TCP port, 0..65535; 0 picks a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Sets {@code tcpNoDelay}.
         *
         * @param on whether to disable Nagle's algorithm
         * @return this builder
         */
        public Builder tcpNoDelay(boolean on) {
            this.tcpNoDelay = on;
            return this;
        }

        /**
         * Sets {@code lingerSeconds}.
         *
         * @param seconds SO_LINGER in seconds, -1 for the OS default
         * @return this builder
         */
        public Builder lingerSeconds(int seconds) {
            this.lingerSeconds = seconds;
            return this;
        }

        /**
         * Sets {@code acceptQueueSize}.
         *
         * @param size listen backlog, in connections
         * @return this builder
         */
        public Builder acceptQueueSize(int size) {
            this.acceptQueueSize = size;
            return this;
        }

        /**
         * Sets {@code idleTimeout}.
         *
         * @param timeout how long an HTTP connection may stay idle
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * Sets {@code limits}.
         *
         * @param limits all request limits at once, e.g. {@link Limits#STRICT}
         * @return this builder
         */
        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        /**
         * Sets {@code limits().maxBodySize}.
         *
         * @param bytes see {@link Limits#maxBodySize()}
         * @return this builder
         */
        public Builder maxRequestBodySize(long bytes) {
            this.limits = limits.withMaxBodySize(bytes);
            return this;
        }

        /**
         * Sets {@code limits().maxHeaderSize}.
         *
         * @param bytes see {@link Limits#maxHeaderSize()}
         * @return this builder
         */
        public Builder maxRequestHeaderSize(int bytes) {
            this.limits = limits.withMaxHeaderSize(bytes);
            return this;
        }

        /**
         * Sets {@code limits().maxUriLength}.
         *
         * @param chars see {@link Limits#maxUriLength()}
         * @return this builder
         */
        public Builder maxUriLength(int chars) {
            this.limits = limits.withMaxUriLength(chars);
            return this;
        }

        /**
         * Sets {@code limits().maxQueryParams}.
         *
         * @param count see {@link Limits#maxQueryParams()}
         * @return this builder
         */
        public Builder maxQueryParams(int count) {
            this.limits = limits.withMaxQueryParams(count);
            return this;
        }

        /**
         * Sets {@code maxConnections}.
         *
         * @param count open connections at once, 0 for no limit
         * @return this builder
         */
        public Builder maxConnections(int count) {
            this.maxConnections = count;
            return this;
        }

        /**
         * Sets {@code stopTimeout}.
         *
         * @param timeout how long a graceful stop waits for requests in flight
         * @return this builder
         */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /**
         * Sets the WebSocket defaults.
         *
         * @param settings the defaults for {@code @Ws} routes that set none of their own
         * @return this builder
         */
        public Builder ws(WsConfig settings) {
            this.ws = settings;
            return this;
        }

        /**
         * Sets {@code sseHeartbeat}.
         *
         * @param interval how often an SSE stream sends a comment; zero turns it off
         * @return this builder
         */
        public Builder sseHeartbeat(Duration interval) {
            this.sseHeartbeat = interval;
            return this;
        }

        /**
         * Sets {@code limits().maxStreamSize}.
         *
         * @param bytes see {@link Limits#maxStreamSize()}
         * @return this builder
         */
        public Builder maxStreamSize(long bytes) {
            this.limits = limits.withMaxStreamSize(bytes);
            return this;
        }

        /**
         * Adjusts the WebSocket defaults, e.g. {@code ws(w -> w.withPingInterval(Duration.ofSeconds(10)))}.
         *
         * @param change given the current defaults, returns the new ones
         * @return this builder
         */
        public Builder ws(java.util.function.UnaryOperator<WsConfig> change) {
            this.ws = change.apply(ws);
            return this;
        }

        /**
         * Sets the form and upload limits.
         *
         * @param settings the limits, e.g. {@code FormConfig.DEFAULT.withMaxFileSize(10 << 20)}
         * @return this builder
         */
        public Builder forms(FormConfig settings) {
            this.forms = settings;
            return this;
        }

        /**
         * Sets {@code trustedProxies}.
         *
         * @param proxies IP addresses or CIDR blocks of the reverse proxies in front of this server,
         *                e.g. {@code "10.0.0.0/8"}
         * @return this builder
         */
        public Builder trustedProxies(String... proxies) {
            this.trustedProxies = List.of(proxies);
            return this;
        }

        /**
         * Sets the metrics and health endpoints.
         *
         * @param settings all operations settings at once, e.g. {@link Operations#ON}
         * @return this builder
         */
        public Builder operations(Operations settings) {
            this.operations = settings;
            return this;
        }

        /**
         * Adjusts the metrics and health endpoints, e.g. {@code operations(o -> o.withMetrics(true))}.
         *
         * @param change given the current settings, returns the new ones
         * @return this builder
         */
        public Builder operations(java.util.function.UnaryOperator<Operations> change) {
            this.operations = change.apply(operations);
            return this;
        }

        /**
         * Sets {@code apiDocs}.
         *
         * @param settings which API descriptions are served and where, e.g. {@link ApiDocs#ON}
         * @return this builder
         */
        public Builder apiDocs(ApiDocs settings) {
            this.apiDocs = settings;
            return this;
        }

        /**
         * Sets {@code transport}.
         *
         * @param settings TLS, HTTP/2 and compression at once
         * @return this builder
         */
        public Builder transport(Transport settings) {
            this.transport = settings;
            return this;
        }

        /**
         * Sets {@code transport().tls}: the port serves HTTPS.
         *
         * @param settings see {@link Transport#tls()}; {@code null} for plain HTTP
         * @return this builder
         */
        public Builder tls(Tls settings) {
            this.transport = transport.withTls(settings);
            return this;
        }

        /**
         * Sets {@code transport().redirectPort}.
         *
         * @param port see {@link Transport#redirectPort()}
         * @return this builder
         */
        public Builder redirectPort(int port) {
            this.transport = transport.withRedirectPort(port);
            return this;
        }

        /**
         * Sets {@code transport().http2}.
         *
         * @param on see {@link Transport#http2()}
         * @return this builder
         */
        public Builder http2(boolean on) {
            this.transport = transport.withHttp2(on);
            return this;
        }

        /**
         * Sets {@code transport().compression}.
         *
         * @param settings see {@link Transport#compression()}, e.g. {@link Compression#OFF}
         * @return this builder
         */
        public Builder compression(Compression settings) {
            this.transport = transport.withCompression(settings);
            return this;
        }

        /**
         * {@return the settings collected}
         *
         * @throws NullPointerException     when a setter was given {@code null}
         * @throws IllegalArgumentException for a setting out of range, as {@link StrandConfig} lists
         */
        public StrandConfig build() {
            return new StrandConfig(host, port, tcpNoDelay, lingerSeconds, acceptQueueSize, idleTimeout,
                    limits, maxConnections, stopTimeout, ws, sseHeartbeat, forms, trustedProxies, operations, apiDocs, transport);
        }
    }
}
