package com.example.scale;

import com.example.chat.ChatApp;
import dev.strand.Strand;
import dev.strand.broadcast.Hub;

/**
 * The chat as it runs in production: one of several instances behind a load balancer, relaying
 * through the Redis server named by {@code REDIS_URL}, with a health check.
 */
public final class ChatServer {
    private ChatServer() {
    }

    /** The chat app, with a health check for the load balancer. */
    public static Strand.Builder app(Hub hub) {
        return ChatApp.app(hub).controllers(new Health(hub));
    }

    public static void main(String[] args) {
        // #region hub
        var redisUrl = System.getenv().getOrDefault("REDIS_URL", "redis://localhost:6379");
        var hub = Hub.redis(redisUrl);      // returns at once; (re)connects in the background
        // #endregion hub
        app(hub).args(args).start();
        // SIGTERM (docker stop, systemctl stop) or Ctrl+C: Strand stops the server gracefully.
    }
}
