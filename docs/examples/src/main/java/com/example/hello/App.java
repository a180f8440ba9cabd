package com.example.hello;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Sse;
import dev.strand.sse.SseEvent;

public class App {

    /** Answers GET /hello/ada with the text "Hello, ada", written the Context way. */
    @Get("/hello/{name}")
    public void hello(Context ctx) {
        ctx.setResponseBody("Hello, " + ctx.pathParam("name")).send();
    }

    public record Greeting(String text, int length) {}

    /** Answers GET /greetings/ada with JSON: a returned record is written as JSON. */
    @Get("/greetings/{name}")
    public Greeting greeting(@PathParam String name) {
        return new Greeting("Hello, " + name, name.length());
    }

    /** Streams 3, 2, 1 as Server-Sent Events, one a second; this thread may sleep. */
    @Sse("/countdown")
    public void countdown(Context ctx) throws InterruptedException {
        for (int i = 3; i >= 1; i--) {
            ctx.sendEvent(SseEvent.data(i).id(i));
            if (i > 1) Thread.sleep(1000);
        }
    }

    public static void main(String[] args) {
        Strand.run(App.class, args);        // scans com.example.hello; port 8080, or --port N
    }
}
