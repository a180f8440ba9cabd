package dev.strand.bench.reliability;

/**
 * One figure of a reliability scenario, with the bound it is held to.
 *
 * @param name  what was measured, e.g. "virtual threads after, above baseline"
 * @param value the figure
 * @param unit  its unit, empty for a count
 * @param bound the bound as the report shows it, e.g. "≤ 2"; empty for a figure that only explains the others
 * @param met   whether the figure is within its bound; {@code null} when it has none
 */
public record Figure(String name, Number value, String unit, String bound, Boolean met) {

    /** A figure without a bound: it explains the others. */
    static Figure info(String name, Number value, String unit) {
        return new Figure(name, value, unit, "", null);
    }

    /** A figure that must not exceed {@code limit}. */
    static Figure atMost(String name, Number value, String unit, Number limit) {
        return new Figure(name, value, unit, "≤ " + limit + unit(unit), value.doubleValue() <= limit.doubleValue());
    }

    /** A figure that must reach at least {@code limit}. */
    static Figure atLeast(String name, Number value, String unit, Number limit) {
        return new Figure(name, value, unit, "≥ " + limit + unit(unit), value.doubleValue() >= limit.doubleValue());
    }

    /** A figure that must equal {@code expected}. */
    static Figure exactly(String name, Number value, String unit, Number expected) {
        return new Figure(name, value, unit, "= " + expected + unit(unit), value.doubleValue() == expected.doubleValue());
    }

    private static String unit(String unit) {
        return unit.isEmpty() ? "" : " " + unit;
    }
}
