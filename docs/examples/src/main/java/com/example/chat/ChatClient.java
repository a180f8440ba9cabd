package com.example.chat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A terminal client for the chat, with nothing but the JDK, so that any JDK 11 or newer runs it
 * straight from the source file:
 *
 * <pre>java ChatClient.java lobby bob              (server ws://localhost:8080)
 * java ChatClient.java lobby bob ws://host:port</pre>
 *
 * Prints every message of the room as it arrives and sends every line you type; Ctrl+D leaves.
 */
public final class ChatClient {
    private ChatClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java ChatClient.java <room> <name> [ws://localhost:8080]");
            System.exit(2);
        }
        var server = args.length > 2 ? args[2] : "ws://localhost:8080";
        var uri = URI.create(server + "/chat/" + encode(args[0]) + "?name=" + encode(args[1]));
        var typed = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        chat(uri, typed, System.out::println);
    }

    /** Sends each line of {@code typed} until it ends, showing every message that arrives. */
    static void chat(URI uri, BufferedReader typed, Consumer<String> show) throws Exception {
        var closed = new CountDownLatch(1);
        var listener = new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence part, boolean last) {
                message.append(part);
                if (last) {
                    show.accept(message.toString());
                    message.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                closed.countDown();
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                show.accept("connection failed: " + error);
                closed.countDown();
            }
        };
        var client = HttpClient.newHttpClient();
        var socket = client.newWebSocketBuilder().buildAsync(uri, listener).join();
        for (String line; (line = typed.readLine()) != null; ) {
            socket.sendText(line, true).join();
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        closed.await(5, TimeUnit.SECONDS);      // the server's answering close, or give up
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
