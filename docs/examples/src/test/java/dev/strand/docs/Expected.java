package dev.strand.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a page says a reader will see, as a check on what they do see. Each line must show up in
 * the output, in the page's order, anywhere on a line (a curl body without a newline runs into
 * whatever comes next). {@code ...} stands for text that differs from run to run ({@code "token":"Qm9...w"});
 * a line that is only {@code ...}, or blank, asks for nothing. Words the page calls varying
 * ({@code varies "mbq0x3v2"}) match any word.
 *
 * @param lines the lines as the page shows them
 */
record Expected(List<String> lines, List<Pattern> patterns) {

    static Expected of(List<String> lines, List<String> varying) {
        var patterns = new ArrayList<Pattern>();
        for (var line : lines) {
            var text = line.strip();
            if (text.isEmpty() || text.equals("...")) continue;
            var regex = new StringBuilder();
            for (var piece : text.split("\\.\\.\\.", -1)) {
                if (!regex.isEmpty()) regex.append("[^\\n]*?");
                regex.append(quoteExcept(piece, varying));
            }
            patterns.add(Pattern.compile(regex.toString()));
        }
        return new Expected(List.copyOf(lines), List.copyOf(patterns));
    }

    /** The output lines of a shell block: its lines that start with {@code #}, without it. */
    static List<String> outputOf(List<String> block) {
        return block.stream().filter(line -> line.startsWith("#"))
                .map(line -> line.startsWith("# ") ? line.substring(2) : line.substring(1)).toList();
    }

    /** The first expected line that {@code output} does not show (after the ones before it), or {@code null}. */
    String missingFrom(String output) {
        int from = 0;
        for (var pattern : patterns) {
            var m = pattern.matcher(output);
            if (!m.find(from)) return pattern.pattern();
            from = m.end();
        }
        return null;
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    private static String quoteExcept(String text, List<String> varying) {
        var regex = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int next = -1;
            String word = null;
            for (var v : varying) {
                int i = text.indexOf(v, at);
                if (i >= 0 && (next < 0 || i < next)) {
                    next = i;
                    word = v;
                }
            }
            if (word == null) {
                regex.append(Pattern.quote(text.substring(at)));
                break;
            }
            if (next > at) regex.append(Pattern.quote(text.substring(at, next)));
            regex.append("\\S+?");
            at = next + word.length();
        }
        return regex.toString();
    }
}
