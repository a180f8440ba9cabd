package dev.strand.internal.http;

import dev.strand.internal.routing.PercentEncoding;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The query check every request with a query gets ({@link QueryString#malformed}, package-private,
 * hence this benchmark's package) and the percent-decoding under it and under every path segment
 * ({@link PercentEncoding#decode}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryStringBenchmark {
    /** Fields, not constants, so that the JIT cannot fold the inputs. */
    private String plainQuery = "page=2&limit=50&sort=created&order=desc&status=open";
    private String escapedQuery = "q=caf%C3%A9+au+lait&tag=a%26b&near=48.85%2C2.35&lang=fr&page=2";
    private String escapedValue = "caf%C3%A9+au+lait%21";
    private String plainValue = "created";

    /** A query without '%': one scan, nothing decoded. */
    @Benchmark
    public String checkPlainQuery() {
        return QueryString.malformed(plainQuery);
    }

    /** Five parameters, three with escapes: every name and value decoded once. */
    @Benchmark
    public String checkEscapedQuery() {
        return QueryString.malformed(escapedQuery);
    }

    /** A value without escapes: a substring. */
    @Benchmark
    public String decodePlain() {
        return PercentEncoding.decode(plainValue, 0, plainValue.length(), true);
    }

    /** A value with '+', a two-byte UTF-8 escape and an ASCII escape. */
    @Benchmark
    public String decodeEscaped() {
        return PercentEncoding.decode(escapedValue, 0, escapedValue.length(), true);
    }
}
