package dev.strand.demo;

import java.util.List;

/**
 * A poll's results as pages see them, from {@code GET /api/poll/{id}}, after a vote, and in every
 * {@code results} event of {@code /sse/poll/{id}}.
 *
 * @param id       the poll's name
 * @param question what it asks
 * @param options  each option with its votes, in the poll's order
 * @param total    all votes
 * @param version  counts the votes since the poll was made; a page ignores results older than what it shows
 */
public record PollResults(String id, String question, List<Tally> options, long total, long version) {

    /** One option and its votes. */
    public record Tally(String name, long votes) {}
}
