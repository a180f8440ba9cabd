package dev.strand.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is in which chat room on this instance, for the presence list. A name appears once per open
 * connection (two tabs, two entries); a room is forgotten when its last member leaves, so the
 * map holds no more than the open connections.
 */
final class ChatMembers {
    private final ConcurrentHashMap<String, List<String>> rooms = new ConcurrentHashMap<>();

    void add(String room, String user) {
        rooms.compute(room, (name, users) -> {
            var more = users == null ? new ArrayList<String>() : new ArrayList<>(users);
            more.add(user);
            return List.copyOf(more);
        });
    }

    void remove(String room, String user) {
        rooms.computeIfPresent(room, (name, users) -> {
            var fewer = new ArrayList<>(users);
            fewer.remove(user);
            return fewer.isEmpty() ? null : List.copyOf(fewer);
        });
    }

    /** The room's members, sorted by name. */
    List<String> of(String room) {
        return rooms.getOrDefault(room, List.of()).stream().sorted(Comparator.comparing(String::toLowerCase)).toList();
    }
}
