package dev.strand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.config.StrandConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherArgsTest {

    private static StrandConfig settings(Map<String, String> env, String... args) {
        var b = Strand.builder().port(60000).args(env, args);
        var seen = new StrandConfig[1];
        b.configure(c -> seen[0] = c.build());
        return seen[0];
    }

    @Test
    void commandLineBeatsEnvironmentBeatsCode() {
        assertEquals(60000, settings(Map.of()).port());
        assertEquals(7000, settings(Map.of("PORT", "7000")).port());
        assertEquals(7001, settings(Map.of("PORT", "7000"), "--port", "7001").port());
        assertEquals(7002, settings(Map.of(), "--port=7002", "--host=127.0.0.2").port());
        assertEquals("127.0.0.2", settings(Map.of(), "--host", "127.0.0.2").host());
    }

    @Test
    void leavesOtherArgumentsToTheApp() {
        assertEquals(7003, settings(Map.of(), "--redis", "redis://x", "--port", "7003").port());
    }

    @Test
    void explainsABadPort() {
        var e = assertThrows(IllegalArgumentException.class, () -> settings(Map.of(), "--port", "http"));
        assertTrue(e.getMessage().contains("--port must be a port number 0..65535, was 'http'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of(), "--port"));
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("PORT", "99999")));
    }
}
