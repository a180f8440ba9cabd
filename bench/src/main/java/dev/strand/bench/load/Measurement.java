package dev.strand.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one scenario run against one server: what was asked ({@code params}) and what
 * was measured ({@code metrics}, named as in {@code dev.strand.bench.report.Metric}). Written as
 * one JSON line, the shape the harness also writes for wrk, so that the report reads one file.
 */
record Measurement(String scenario, String server, Map<String, Object> params, Map<String, Number> metrics) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A measurement with empty, insertion-ordered parameter and metric maps to fill. */
    static Measurement of(LoadOptions options, String param, Object value) {
        var params = new LinkedHashMap<String, Object>();
        params.put(param, value);
        return new Measurement(options.scenario(), options.server(), params, new LinkedHashMap<>());
    }

    /** Appends this result as one line to the options' results file. */
    void append(LoadOptions options) throws IOException {
        Files.writeString(options.out(), JSON.writeValueAsString(this) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
