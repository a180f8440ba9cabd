package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.internal.scan.Scanner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build-time route index (strand-processor) finds exactly what the class-path scan finds. */
class RouteIndexTest {
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void theIndexWasWrittenByTheBuild() {
        assertNotNull(loader.getResource("META-INF/strand/index"), "strand-processor ran on this module's test sources");
    }

    @Test
    void theIndexAndTheScanFindTheSameParts() {
        for (var packages : List.of(List.of("dev.strand.tests"), List.of("dev.strand.tests.middleware"),
                List.of("dev.strand.tests.sse", "dev.strand.tests.websocket"), List.of("dev.strand.nothing.here"))) {
            var indexed = Scanner.scan(packages, loader);
            var scanned = Scanner.scanClassPath(packages, loader);
            assertEquals(scanned, indexed, "packages " + packages);
        }
        var all = Scanner.scan(List.of("dev.strand.tests"), loader);
        assertTrue(all.controllers().size() > 20, all.controllers().toString());
        assertFalse(all.globalMiddleware().isEmpty(), "the scanned @Global middleware of MiddlewareTest");
    }
}
