package com.example.chat;

import java.util.List;

/**
 * Someone came or went: {@code {"type":"join","name":"bob","online":["ada","bob"]}}, or
 * {@code "leave"}. Every client keeps the latest {@code online} list.
 */
public record Presence(String type, String name, List<String> online) {}
