package dev.strand.middleware;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Middleware;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin resource sharing. Answers preflight requests itself (204 with the allowed methods
 * and headers, 403 for an origin not allowed) and adds {@code Access-Control-Allow-Origin} to the
 * responses of allowed origins. Runs just inside the access log, before any auth, so preflights
 * (which carry no credentials) are not rejected.
 *
 * {@snippet :
 * Strand.builder().use(Cors.builder()
 *         .allowOrigins("https://app.example.com")
 *         .allowCredentials(true)
 *         .build());
 * }
 */
public final class Cors implements Middleware {
    private final Set<String> origins;
    private final boolean anyOrigin;
    private final String methods;
    private final String headers;
    private final String exposed;
    private final boolean credentials;
    private final String maxAge;

    private Cors(Builder b) {
        this.anyOrigin = b.origins.contains("*");
        if (anyOrigin && b.credentials) {
            throw new IllegalStateException("CORS: a wildcard origin (\"*\") cannot be combined with allowCredentials(true); "
                    + "browsers reject it. List the allowed origins instead.");
        }
        if (b.origins.isEmpty()) {
            throw new IllegalStateException("CORS: no origin allowed; call allowOrigins(\"https://...\") or allowOrigins(\"*\")");
        }
        this.origins = Set.copyOf(b.origins);
        this.methods = String.join(", ", b.methods);
        this.headers = String.join(", ", b.headers);
        this.exposed = String.join(", ", b.exposed);
        this.credentials = b.credentials;
        this.maxAge = String.valueOf(b.maxAge.toSeconds());
    }

    /** {@return a builder: no origins, methods GET/HEAD/POST/PUT/PATCH/DELETE, headers Content-Type and Authorization, max age 10 minutes} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void handle(Context ctx, Chain chain) throws Exception {
        var origin = ctx.header("Origin");
        if (origin == null) {
            chain.proceed();
            return;
        }
        boolean allowed = anyOrigin || origins.contains(origin);
        boolean preflight = "OPTIONS".equals(ctx.method()) && ctx.header("Access-Control-Request-Method") != null;
        if (preflight) {
            if (!allowed) throw new HttpException(403, "CORS: origin " + origin + " is not allowed");
            allowOrigin(ctx, origin);
            ctx.setResponseHeader("Access-Control-Allow-Methods", methods)
                    .setResponseHeader("Access-Control-Allow-Headers", headers)
                    .setResponseHeader("Access-Control-Max-Age", maxAge)
                    .setResponseStatus(204);
            return;
        }
        if (allowed) {
            allowOrigin(ctx, origin);
            if (!exposed.isEmpty()) ctx.setResponseHeader("Access-Control-Expose-Headers", exposed);
        }
        chain.proceed();
    }

    private void allowOrigin(Context ctx, String origin) {
        if (anyOrigin) {
            ctx.setResponseHeader("Access-Control-Allow-Origin", "*");
        } else {
            ctx.setResponseHeader("Access-Control-Allow-Origin", origin).addResponseHeader("Vary", "Origin");
        }
        if (credentials) ctx.setResponseHeader("Access-Control-Allow-Credentials", "true");
    }

    /** Just inside {@link AccessLog}. */
    @Override
    public int order() {
        return Integer.MIN_VALUE + 1;
    }

    /** Collects the CORS policy; {@link #build()} rejects one browsers would refuse. */
    public static final class Builder {
        private final Set<String> origins = new LinkedHashSet<>();
        private final List<String> methods = new ArrayList<>(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        private final List<String> headers = new ArrayList<>(List.of("Content-Type", "Authorization"));
        private final List<String> exposed = new ArrayList<>();
        private boolean credentials;
        private Duration maxAge = Duration.ofMinutes(10);

        private Builder() {
        }

        /**
         * Adds origins allowed.
         *
         * @param allowed origins as browsers send them, e.g. {@code "https://app.example.com"}, or {@code "*"} for any
         * @return this builder
         */
        public Builder allowOrigins(String... allowed) {
            origins.addAll(List.of(allowed));
            return this;
        }

        /**
         * Replaces the allowed methods.
         *
         * @param allowed method names, e.g. {@code "GET"}; upper-cased
         * @return this builder
         */
        public Builder allowMethods(String... allowed) {
            methods.clear();
            for (var m : allowed) methods.add(m.toUpperCase(Locale.ROOT));
            return this;
        }

        /**
         * Replaces the request headers a preflight may announce.
         *
         * @param allowed header names, e.g. {@code "X-Api-Key"}
         * @return this builder
         */
        public Builder allowHeaders(String... allowed) {
            headers.clear();
            headers.addAll(List.of(allowed));
            return this;
        }

        /**
         * Adds response headers scripts may read besides the CORS-safelisted ones.
         *
         * @param names header names, e.g. {@code "X-Request-Id"}
         * @return this builder
         */
        public Builder exposeHeaders(String... names) {
            exposed.addAll(List.of(names));
            return this;
        }

        /**
         * Sets whether cookies and auth headers may be sent; not with a wildcard origin. Default false.
         *
         * @param allow whether to send {@code Access-Control-Allow-Credentials: true}
         * @return this builder
         */
        public Builder allowCredentials(boolean allow) {
            credentials = allow;
            return this;
        }

        /**
         * Sets how long a browser may cache a preflight answer. Default 10 minutes.
         *
         * @param age sent in whole seconds as {@code Access-Control-Max-Age}
         * @return this builder
         */
        public Builder maxAge(Duration age) {
            maxAge = age;
            return this;
        }

        /**
         * {@return the middleware; thread-safe}
         *
         * @throws IllegalStateException for a wildcard origin with credentials, or no origin at all
         */
        public Cors build() {
            return new Cors(this);
        }
    }
}
