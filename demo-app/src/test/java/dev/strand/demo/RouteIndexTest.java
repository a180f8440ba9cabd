package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.internal.scan.Scanner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo starts from its build-time route index; the class-path scan would find the same. */
class RouteIndexTest {

    @Test
    void theIndexAndTheScanFindTheSameControllers() {
        var loader = DemoApp.class.getClassLoader();
        var packages = List.of(DemoApp.class.getPackageName());
        var indexed = Scanner.scan(packages, loader);
        assertEquals(Scanner.scanClassPath(packages, loader), indexed);
        assertTrue(indexed.controllers().contains(ChatController.class), indexed.controllers().toString());
    }
}
