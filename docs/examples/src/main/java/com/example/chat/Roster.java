package com.example.chat;

import dev.strand.Context;
import dev.strand.broadcast.Hub;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** Who is in which room, announced to the room on every change. */
public final class Roster {
    private final Hub hub;
    private final Map<String, List<String>> rooms = new HashMap<>();
    // One lock around "change the list, then announce it", so announcements reach the room in
    // the order the changes happened and every list a client sees is one that existed.
    // A ReentrantLock, not synchronized: on JDK 21-23 a virtual thread blocked inside
    // synchronized holds on to its carrier thread.
    private final ReentrantLock lock = new ReentrantLock();

    public Roster(Hub hub) {
        this.hub = hub;
    }

    public void join(Context ctx, String room, String name) {
        change(ctx, room, name, "join");
    }

    public void leave(Context ctx, String room, String name) {
        change(ctx, room, name, "leave");
    }

    private void change(Context ctx, String room, String name, String type) {
        lock.lock();
        try {
            var names = rooms.computeIfAbsent(room, r -> new ArrayList<>());
            if (type.equals("join")) names.add(name);
            else names.remove(name);
            var online = List.copyOf(names);
            if (names.isEmpty()) rooms.remove(room);
            hub.publish(room, ctx.jsonText(new Presence(type, name, online)));   // never blocks
        } finally {
            lock.unlock();
        }
    }
}
