package dev.strand.tests.noctor;

import dev.strand.annotation.Get;

/** A controller Strand cannot create by itself: found by scanning in a package of its own. */
public final class NeedsArguments {
    private final String greeting;

    public NeedsArguments(String greeting) {
        this.greeting = greeting;
    }

    @Get("/greeting")
    public String greeting() {
        return greeting;
    }
}
