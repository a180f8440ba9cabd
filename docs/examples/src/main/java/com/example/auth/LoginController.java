package com.example.auth;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.annotation.Body;
import dev.strand.annotation.Post;
import dev.strand.annotation.Use;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** Signing in and out; everything else is behind {@link Auth}. */
public final class LoginController {
    // A real app checks a password hash (bcrypt, argon2) from its user store.
    private static final Map<String, String> PASSWORDS = Map.of("ada", "lovelace", "alan", "turing");

    private final Sessions sessions;

    public LoginController(Sessions sessions) {
        this.sessions = sessions;
    }

    public record Credentials(String name, String password) {}

    public record SignedIn(String user, String token) {}

    @Post("/login")
    public SignedIn login(Context ctx, @Body Credentials credentials) {
        var expected = PASSWORDS.get(String.valueOf(credentials.name()));
        if (expected == null || credentials.password() == null || !MessageDigest.isEqual(     // constant time
                expected.getBytes(StandardCharsets.UTF_8), credentials.password().getBytes(StandardCharsets.UTF_8))) {
            throw new HttpException(401, "Wrong name or password");
        }
        var token = sessions.open(credentials.name());
        // HttpOnly: page scripts cannot read it. SameSite=Strict: other sites' pages cannot send it.
        ctx.setResponseHeader("Set-Cookie", "session=" + token + "; Path=/; HttpOnly; SameSite=Strict");
        return new SignedIn(credentials.name(), token);
    }

    @Use(Auth.class)
    @Post("/logout")
    public void logout(Context ctx) {
        sessions.close(Auth.token(ctx));
        ctx.setResponseHeader("Set-Cookie", "session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }
}
