package dev.strand.tests.broadcast;

import dev.strand.broadcast.Hub;

/**
 * A Strand instance in a process of its own, for killing with SIGKILL: joins a Redis hub, tracks
 * one member, prints "ready" once the others can see it, and waits to be killed.
 */
public final class PresenceInstance {
    private PresenceInstance() {
    }

    /** Arguments: Redis URL, instance id, topic, key. */
    public static void main(String[] args) throws InterruptedException {
        var hub = Hub.builder().redis(args[0]).instanceId(args[1]).build();
        hub.presence().track(args[2], args[3], "{}");
        while (!hub.relayUp()) Thread.sleep(10);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
