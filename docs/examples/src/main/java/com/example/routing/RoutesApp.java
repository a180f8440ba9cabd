package com.example.routing;

import dev.strand.Strand;

public final class RoutesApp {
    private RoutesApp() {
    }

    public static void main(String[] args) {
        Strand.run(RoutesApp.class, args);             // finds Routes by scanning this package
    }
}
