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

    /** A builder: no origins, methods GET/HEAD/POST/PUT/PATCH/DELETE, headers Content-Type and Authorization, max age 10 minutes. */
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

        /** Origins allowed, e.g. {@code "https://app.example.com"}, or {@code "*"} for any. */
        public Builder allowOrigins(String... allowed) {
            origins.addAll(List.of(allowed));
            return this;
        }

        /** Replaces the allowed methods. */
        public Builder allowMethods(String... allowed) {
            methods.clear();
            for (var m : allowed) methods.add(m.toUpperCase(Locale.ROOT));
            return this;
        }

        /** Replaces the request headers a preflight may announce. */
        public Builder allowHeaders(String... allowed) {
            headers.clear();
            headers.addAll(List.of(allowed));
            return this;
        }

        /** Response headers scripts may read besides the safe ones. */
        public Builder exposeHeaders(String... names) {
            exposed.addAll(List.of(names));
            return this;
        }

        /** Whether cookies and auth headers may be sent; not with a wildcard origin. Default false. */
        public Builder allowCredentials(boolean allow) {
            credentials = allow;
            return this;
        }

        /** How long a browser may cache a preflight answer. */
        public Builder maxAge(Duration age) {
            maxAge = age;
            return this;
        }

        /**
         * The middleware.
         *
         * @throws IllegalStateException for a wildcard origin with credentials, or no origin at all
         */
        public Cors build() {
            return new Cors(this);
        }
    }
}
