package com.example.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/** Signed-in users by session token, in memory: tokens die with the process. */
public final class Sessions {
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, String> users = new ConcurrentHashMap<>();

    /** A new token for {@code user}: 32 random bytes, hard to guess. */
    public String open(String user) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        users.put(token, user);
        return token;
    }

    /** The user a token belongs to, or {@code null}. */
    public String user(String token) {
        return token == null ? null : users.get(token);
    }

    public void close(String token) {
        if (token != null) users.remove(token);
    }
}
