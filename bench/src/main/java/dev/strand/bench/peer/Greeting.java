package dev.strand.bench.peer;

/** The {@code GET /json} body, serialized with Jackson on every request: {@code {"message":"Hello, World!"}}. */
public record Greeting(String message) {

    /** The one greeting the peers send. */
    public static final Greeting HELLO = new Greeting("Hello, World!");
}
