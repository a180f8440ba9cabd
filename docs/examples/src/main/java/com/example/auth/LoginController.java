package com.example.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.annotation.Body;
import dev.strand.annotation.Post;
import dev.strand.annotation.Use;
import java.security.MessageDigest;
import java.util.Map;

/** Signing in and out; everything else is behind {@link Auth}. */
public final class LoginController {
    // A real app checks a password hash (bcrypt, argon2) from its user store.
    private static final Map<String, String> PASSWORDS =
            Map.of("ada", "lovelace", "alan", "turing");

    private static final String COOKIE = "; Path=/; HttpOnly; SameSite=Strict";

    private final Sessions sessions;

    public LoginController(Sessions sessions) {
        this.sessions = sessions;
    }

    public record Credentials(String name, String password) {}

    public record SignedIn(String user, String token) {}

    @Post("/login")
    public SignedIn login(Context ctx, @Body Credentials credentials) {
        var expected = PASSWORDS.get(String.valueOf(credentials.name()));
        var given = credentials.password();
        if (expected == null || given == null || !sameText(expected, given)) {
            throw new HttpException(401, "Wrong name or password");
        }
        var token = sessions.open(credentials.name());
        // HttpOnly: page scripts cannot read it. SameSite=Strict: other sites cannot send it.
        ctx.setResponseHeader("Set-Cookie", "session=" + token + COOKIE);
        return new SignedIn(credentials.name(), token);
    }

    /** Compares in constant time: how long it takes says nothing about how close a guess was. */
    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(UTF_8), b.getBytes(UTF_8));
    }

    @Use(Auth.class)
    @Post("/logout")
    public void logout(Context ctx) {
        sessions.close(Auth.token(ctx));
        ctx.setResponseHeader("Set-Cookie", "session=" + COOKIE + "; Max-Age=0");
    }
}
