package com.example.chat;

/** A chat line as the room hears it: {@code {"type":"message","from":"ada","text":"hi"}}. */
public record Said(String type, String from, String text) {
    public Said(String from, String text) {
        this("message", from, text);
    }
}
