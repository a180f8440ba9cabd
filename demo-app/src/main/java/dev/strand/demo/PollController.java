package dev.strand.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.annotation.ApiResponse;
import dev.strand.annotation.Body;
import dev.strand.annotation.Doc;
import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Post;
import dev.strand.annotation.Sends;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Use;
import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.sse.SseEvent;
import java.util.HashSet;
import java.util.List;

/**
 * Live polls: votes go in over HTTP, and every page watching the poll gets the new results as a
 * Server-Sent Event. Results are {@link PollResults} JSON everywhere.
 */
@Use(ValidNames.class)
@Doc(tags = "polls", description = "Live polls: votes over HTTP, results as Server-Sent Events")
public final class PollController {
    static final int MAX_QUESTION = 200, MAX_OPTION = 60, MAX_OPTIONS = 8;

    private final Polls polls;

    /** {@code POST /api/poll} body: a question and 2 to {@value #MAX_OPTIONS} different options. */
    public record NewPoll(String question, List<String> options) {}

    /** Polls whose results travel over {@code hub}; it should be in-process, as the votes are kept here. */
    public PollController(Hub hub) {
        this.polls = new Polls(hub);
    }

    @Get("/api/poll/{id}")
    @Doc(summary = "A poll's results", description = "A poll that does not exist yet is made with the default question.")
    @ApiResponse(status = 503, description = "every poll place is taken by a watched poll")
    public PollResults results(@PathParam String id) {
        return polls.results(id);
    }

    /** Body {@code {"option":"Chat"}} (or the option's index); answers the new results. */
    @Post("/api/poll/{id}/vote")
    @Doc(summary = "Votes", description = "Body `{\"option\": \"Chat\"}`, the option's text or its index from 0.",
            example = "{\"id\":\"lunch\",\"question\":\"Lunch?\",\"options\":[{\"name\":\"Pizza\",\"votes\":1}],\"total\":1,\"version\":1}")
    public PollResults vote(@PathParam String id, @Body JsonNode body) {
        if (body == null || !body.isObject() || !body.has("option")) throw new HttpException(400, "send {\"option\": <one of the poll's options>}");
        return polls.vote(id, body.get("option"));
    }

    /** Makes a poll with its own question and options; answers 201 with its results, whose {@code id} names it. */
    @Post("/api/poll")
    @Doc(summary = "Makes a poll with its own question and options")
    @ApiResponse(status = 201, description = "the new poll's results; its `id` names it")
    @ApiResponse(status = 503, description = "every poll place is taken by a watched poll")
    public PollResults create(Context ctx, @Body NewPoll poll) {
        // A body of JSON null binds as null.
        if (poll == null) throw new HttpException(400, "send {\"question\": \"...\", \"options\": [\"...\", \"...\"]}");
        var question = poll.question() == null ? "" : poll.question().strip();
        if (question.isEmpty() || question.length() > MAX_QUESTION) {
            throw new HttpException(400, "'question' must be 1 to " + MAX_QUESTION + " characters");
        }
        var options = poll.options() == null ? List.<String>of()
                : poll.options().stream().map(o -> o == null ? "" : o.strip()).toList();
        if (options.size() < 2 || options.size() > MAX_OPTIONS || options.stream().anyMatch(o -> o.isEmpty() || o.length() > MAX_OPTION)
                || new HashSet<>(options).size() != options.size()) {
            throw new HttpException(400, "'options' must be 2 to " + MAX_OPTIONS + " different texts of 1 to " + MAX_OPTION + " characters");
        }
        ctx.setResponseStatus(201);
        return polls.create(question, options);
    }

    /** The results now, then again after every vote, as {@code results} events. */
    @Sse("/sse/poll/{id}")
    @Doc(summary = "A poll's results, live", tags = "polls")
    @Sends(value = PollResults.class, event = "results", description = "the results now, then after every vote")
    public void watch(Context ctx, @PathParam String id) throws InterruptedException {
        var watch = polls.watch(id);
        try (var changes = watch.subscription()) {
            ctx.onClose(changes::close);
            ctx.sendEvent(SseEvent.data(watch.results()).event("results"));
            for (Delivery d; (d = changes.receive()) != null; ) {
                // A watcher that fell behind skips to the newest results, which say everything.
                if (d instanceof Delivery.Message(var results, var messageId)) ctx.sendEvent(SseEvent.data(results).event("results"));
            }
        }
    }
}
