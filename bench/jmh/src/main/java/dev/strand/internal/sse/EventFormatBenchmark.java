package dev.strand.internal.sse;

import dev.strand.internal.json.JsonCodec;
import dev.strand.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@link EventFormat#format}, what every {@code sendEvent} runs before the bytes go out
 * (package-private, hence this benchmark's package). The figures include encoding to UTF-8, as
 * the channel does next.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventFormatBenchmark {
    /** A tick: one data line, as a fan-out sends it. */
    private SseEvent small = SseEvent.data("{\"price\":101.25,\"symbol\":\"STRD\"}");
    /** Name, id, retry and five lines of text data. */
    private SseEvent multiLine = SseEvent.data("line one\nline two\nline three\nline four\nline five")
            .event("log").id(1234567L).retry(3000);
    /** A record serialized as JSON by the server's codec. */
    private SseEvent json = SseEvent.data(new Tick("STRD", 101.25, List.of(100.5, 100.75, 101.0))).event("tick").id(42L);

    private final JsonCodec codec = new JsonCodec();
    private final Function<Object, String> toJson = value -> new String(codec.write(value), StandardCharsets.UTF_8);

    /** A market tick, the JSON payload. */
    public record Tick(String symbol, double price, List<Double> recent) {}

    @Benchmark
    public byte[] smallEvent() {
        return EventFormat.format(small, toJson).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] multiLineEvent() {
        return EventFormat.format(multiLine, toJson).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] jsonEvent() {
        return EventFormat.format(json, toJson).getBytes(StandardCharsets.UTF_8);
    }
}
