package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoAppOptionsTest {

    @Test
    void theRedisUrlComesFromTheCommandLineBeforeTheEnvironment() {
        var env = Map.of("REDIS_URL", "redis://env:6379");
        assertEquals("redis://a:1", DemoApp.redisUrl(env, "--port", "0", "--redis", "redis://a:1"));
        assertEquals("redis://b:2", DemoApp.redisUrl(env, "--redis=redis://b:2"));
        assertEquals("redis://env:6379", DemoApp.redisUrl(env, "--port", "0"));
        assertNull(DemoApp.redisUrl(Map.of("REDIS_URL", " "), "--port", "0"));
    }

    @Test
    void redisWithoutAUrlIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> DemoApp.redisUrl(Map.of(), "--redis"));
        assertEquals("--redis needs a URL, e.g. --redis redis://localhost:6379", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DemoApp.redisUrl(Map.of(), "--redis", "--port", "1"));
        assertThrows(IllegalArgumentException.class, () -> DemoApp.redisUrl(Map.of(), "--redis="));
    }
}
