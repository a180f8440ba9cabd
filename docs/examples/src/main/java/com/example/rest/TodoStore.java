package com.example.rest;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The to-dos in memory, in id order; safe for the many virtual threads serving requests. */
public final class TodoStore {
    private final ConcurrentSkipListMap<Long, Todo> todos = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    public Todo add(String title) {
        var todo = new Todo(ids.incrementAndGet(), title, false);
        todos.put(todo.id(), todo);
        return todo;
    }

    public Optional<Todo> find(long id) {
        return Optional.ofNullable(todos.get(id));
    }

    /** Up to {@code limit} to-dos after {@code afterId}; with {@code done} set, only those. */
    public List<Todo> list(Boolean done, long afterId, int limit) {
        return todos.tailMap(afterId, false).values().stream()
                .filter(t -> done == null || t.done() == done)
                .limit(limit)
                .toList();
    }

    /** Replaces a to-do if it exists; returns the stored one. */
    public Optional<Todo> replace(Todo todo) {
        return Optional.ofNullable(todos.computeIfPresent(todo.id(), (id, old) -> todo));
    }

    public boolean remove(long id) {
        return todos.remove(id) != null;
    }
}
