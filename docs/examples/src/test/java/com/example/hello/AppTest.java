package com.example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.Strand;
import dev.strand.test.StrandTest;
import org.junit.jupiter.api.Test;

// #region test
class AppTest {

    @Test
    void greetsByName() throws Exception {
        // The same scan main() does, on a free port of 127.0.0.1, stopped when the lambda returns.
        StrandTest.run(Strand.builder().scan("com.example.hello"), (server, client) -> {
            var response = client.get("/hello/ada");
            assertEquals(200, response.status());
            assertEquals("Hello, ada", response.body());
        });
    }
    // #endregion test

    @Test
    void answersJsonForARecord() throws Exception {
        StrandTest.run(Strand.builder().scan("com.example.hello"), (server, client) -> {
            var response = client.get("/greetings/grace");
            assertEquals("application/json", response.header("Content-Type"));
            assertEquals(new App.Greeting("Hello, grace", 5), response.json(App.Greeting.class));
        });
    }

    @Test
    void countsDownOverSse() throws Exception {
        StrandTest.run(Strand.builder().scan("com.example.hello"), (server, client) -> {
            try (var events = client.sse("/countdown")) {
                for (var expected : new String[] {"3", "2", "1"}) {
                    var event = events.next();
                    assertEquals(expected, event.data());
                    assertEquals(expected, event.id());
                }
                events.awaitEnd();
            }
        });
    }
}
