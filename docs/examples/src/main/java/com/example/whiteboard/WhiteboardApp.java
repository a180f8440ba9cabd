package com.example.whiteboard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.Strand;
import dev.strand.broadcast.Hub;
import dev.strand.middleware.StaticFiles;

public final class WhiteboardApp {
    private WhiteboardApp() {
    }

    public static Strand.Builder app(Hub hub) {
        // One mapper for what Strand writes (ctx.jsonText) and what the socket reads.
        var json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return Strand.builder()
                .objectMapper(json)
                .controllers(new BoardSocket(hub, new Boards(hub), json))
                .use(StaticFiles.classpath("whiteboard"));
    }

    public static void main(String[] args) {
        app(Hub.inProcess()).args(args).start();
    }
}
