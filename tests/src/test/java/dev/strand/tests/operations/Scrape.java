package dev.strand.tests.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strand.test.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;

/** One answer of a Prometheus text endpoint, read back into series: a name, labels and a value each. */
record Scrape(List<Series> series) {
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Series(String name, Map<String, String> labels, double value) {}

    /** Gets {@code path} and parses it; fails unless it is a 200 in the Prometheus text format. */
    static Scrape of(TestClient client, String path) {
        var r = client.get(path);
        assertEquals(200, r.status(), r.body());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.header("Content-Type"));
        var all = new ArrayList<Series>();
        for (var line : r.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            var labels = new HashMap<String, String>();
            String name;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                var m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}')));
                while (m.find()) labels.put(m.group(1), m.group(2));
            } else {
                name = line.substring(0, space);
            }
            all.add(new Series(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
        return new Scrape(all);
    }

    /** The series of this name whose labels include {@code labels} (name, value, name, value...). */
    List<Series> find(String name, String... labels) {
        return series.stream().filter(s -> s.name().equals(name) && has(s, labels)).toList();
    }

    /** The value of the one series that matches; fails when none or several do. */
    double value(String name, String... labels) {
        var found = find(name, labels);
        if (found.size() != 1) fail("expected one series " + name + " " + List.of(labels) + ", found " + found);
        return found.getFirst().value();
    }

    private static boolean has(Series s, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(s.labels().get(labels[i]))) return false;
        }
        return true;
    }

    /**
     * Scrapes until the one matching series has a value {@code expected} accepts: for what is
     * recorded after the client saw the exchange end (a close, a stream's end). Fails after {@code limit}.
     */
    static double await(TestClient client, Duration limit, DoublePredicate expected, String name, String... labels)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            var found = of(client, "/metrics").find(name, labels);
            if (found.size() == 1 && expected.test(found.getFirst().value())) return found.getFirst().value();
            if (System.nanoTime() - deadline > 0) fail("not within " + limit + ": " + name + " " + List.of(labels) + " was " + found);
            Thread.sleep(10);
        }
    }
}
