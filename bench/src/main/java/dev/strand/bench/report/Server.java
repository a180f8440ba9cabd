package dev.strand.bench.report;

/** The servers a report compares, in column order, with the role each plays in the ratios. */
enum Server {
    STRAND("strand", "Strand", Role.SUBJECT),
    JETTY("jetty", "raw Jetty", Role.BASELINE),
    JAVALIN("javalin", "Javalin", Role.PEER),
    HELIDON("helidon", "Helidon", Role.PEER),
    NODE("node", "node", Role.PEER);

    /** What a server is compared as. */
    enum Role {
        /** Strand itself: the ratios are its figures over the others'. */
        SUBJECT,
        /** Jetty without a framework: the gap to it is Strand's own overhead. */
        BASELINE,
        /** A framework Strand competes with: the bar is the best of them. */
        PEER
    }

    final String id;
    final String title;
    final Role role;

    Server(String id, String title, Role role) {
        this.id = id;
        this.title = title;
        this.role = role;
    }

    /** The server named {@code id} in result files and on the command line. */
    static Server of(String id) {
        for (var server : values()) {
            if (server.id.equals(id)) {
                return server;
            }
        }
        throw new IllegalArgumentException("unknown server " + id);
    }
}
