package dev.strand.demo;

import dev.strand.Context;
import dev.strand.annotation.Get;
import dev.strand.annotation.Use;
import java.util.Map;

/** Routes behind the demo's auth middleware. */
@Use(DemoAuth.class)
public final class SecureController {

    @Get("/api/secure/me")
    public Map<String, String> me(Context ctx) {
        return Map.of("user", ctx.attribute(DemoAuth.USER));
    }
}
