package com.example.auth;

import dev.strand.Strand;

public final class AuthApp {
    private AuthApp() {
    }

    public static Strand.Builder app() {
        var sessions = new Sessions();
        return Strand.builder()
                .controllers(new LoginController(sessions), new Account())
                // @Use(Auth.class) names a class; this is the instance that runs for it.
                .middleware(new Auth(sessions));
    }

    public static void main(String[] args) {
        app().args(args).start();
    }
}
