package dev.strand.demo;

import dev.strand.Context;
import dev.strand.annotation.Get;

/** The smallest possible routes: a greeting, written the Context way. */
public final class HelloController {

    @Get("/hello/{name}")
    public void hello(Context ctx) {
        ctx.setResponseBody("Hello, " + ctx.pathParam("name")).send();
    }
}
