package dev.strand.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strand.annotation.Body;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import java.time.Instant;
import java.time.ZoneId;

/** JSON in and out, written the injected-parameter way. */
public final class ApiController {

    /** The server's clock, in UTC and as epoch milliseconds. */
    public record ServerTime(String iso, long epochMillis, String zone) {}

    @Post("/api/echo")
    public JsonNode echo(@Body JsonNode body) {
        return body;
    }

    @Get("/api/time")
    public ServerTime time() {
        var now = Instant.now();
        return new ServerTime(now.toString(), now.toEpochMilli(), ZoneId.systemDefault().getId());
    }
}
