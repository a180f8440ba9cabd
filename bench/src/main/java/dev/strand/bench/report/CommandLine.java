package dev.strand.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code --name value} pairs a report tool is run with, and its repeatable
 * {@code --meta "key=value"} lines, in the order given.
 *
 * @param options each option's value by its name, {@code --} included
 * @param meta    the {@code --meta} pairs; a pair without {@code =} has an empty value
 */
record CommandLine(Map<String, String> options, Map<String, String> meta) {

    static CommandLine parse(String[] args) {
        var options = new LinkedHashMap<String, String>();
        var meta = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--meta")) {
                var pair = args[i + 1].split("=", 2);
                meta.put(pair[0], pair.length > 1 ? pair[1] : "");
            } else {
                options.put(args[i], args[i + 1]);
            }
        }
        return new CommandLine(options, meta);
    }

    /** The value of {@code name}; throws {@link NullPointerException} naming {@code tool} and the option when missing. */
    String require(String tool, String name) {
        return Objects.requireNonNull(options.get(name), tool + " needs " + name);
    }
}
