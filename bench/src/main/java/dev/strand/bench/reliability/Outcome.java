package dev.strand.bench.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario run found: its parameters, its figures and notes that explain them. Written as
 * one JSON line to the results file, which {@link ReliabilityReport} reads.
 *
 * @param scenario the scenario's name
 * @param params   what was asked, in insertion order
 * @param figures  what was measured, in the order the report shows them
 * @param notes    sentences for the report, e.g. why a figure is missing
 */
public record Outcome(String scenario, Map<String, Object> params, List<Figure> figures, List<String> notes) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An empty outcome to fill. */
    static Outcome of(String scenario) {
        return new Outcome(scenario, new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** Adds a figure and prints it, so that a long run shows progress. */
    void add(Figure figure) {
        figures.add(figure);
        System.out.printf("%s: %s = %s%s %s%n", scenario, figure.name(), figure.value(),
                figure.unit().isEmpty() ? "" : " " + figure.unit(),
                figure.met() == null ? "" : figure.met() ? "(met " + figure.bound() + ")" : "(NOT MET " + figure.bound() + ")");
    }

    void note(String note) {
        notes.add(note);
        System.out.println(scenario + ": " + note);
    }

    void append(Path out) throws IOException {
        Files.writeString(out, JSON.writeValueAsString(this) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
