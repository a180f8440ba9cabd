package dev.strand.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strand.HttpException;
import java.util.ArrayList;
import java.util.List;

/** One poll: a question, its options and their votes. Not thread-safe; {@link Polls} guards it. */
final class Poll {
    private final String id;
    private final String question;
    private final List<String> options;
    private final long[] votes;
    private long version;

    Poll(String id, String question, List<String> options) {
        this.id = id;
        this.question = question;
        this.options = List.copyOf(options);
        this.votes = new long[options.size()];
    }

    /**
     * Counts a vote for an option named by its text or its index.
     *
     * @throws HttpException 400 naming the options, when {@code choice} is none of them
     */
    void vote(JsonNode choice) {
        votes[indexOf(choice)]++;
        version++;
    }

    PollResults results() {
        var tallies = new ArrayList<PollResults.Tally>(options.size());
        long total = 0;
        for (int i = 0; i < options.size(); i++) {
            tallies.add(new PollResults.Tally(options.get(i), votes[i]));
            total += votes[i];
        }
        return new PollResults(id, question, tallies, total, version);
    }

    private int indexOf(JsonNode choice) {
        if (choice != null && choice.isTextual()) {
            int i = options.indexOf(choice.asText());
            if (i >= 0) return i;
        } else if (choice != null && choice.canConvertToInt() && choice.isIntegralNumber()) {
            int i = choice.asInt();
            if (i >= 0 && i < options.size()) return i;
        }
        throw new HttpException(400, "'option' must be one of " + options + ", or its index from 0");
    }
}
