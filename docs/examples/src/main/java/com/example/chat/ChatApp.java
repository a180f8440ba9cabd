package com.example.chat;

import dev.strand.Strand;
import dev.strand.broadcast.Hub;
import dev.strand.middleware.StaticFiles;

public final class ChatApp {
    private ChatApp() {
    }

    /** The chat: the socket, the roster and the page, sharing one hub. */
    public static Strand.Builder app(Hub hub) {
        return Strand.builder()
                .controllers(new ChatSocket(hub, new Roster(hub)))
                .use(StaticFiles.classpath("chat"));    // src/main/resources/chat/index.html at /
    }

    public static void main(String[] args) {
        app(Hub.inProcess()).args(args).start();
    }
}
