package com.example.cookies;

import dev.strand.Context;
import dev.strand.Cookie;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import java.time.Duration;

/** A theme remembered in a cookie, and a session cookie set at sign-in and removed at sign-out. */
public final class Preferences {

    // #region set
    @Post("/theme/{name}")
    public void theme(Context ctx) {
        ctx.setCookie(Cookie.of("theme", ctx.pathParam("name"))
                .withMaxAge(Duration.ofDays(365)));                // kept a year; Path=/ by default
    }

    @Post("/sign-in")
    public void signIn(Context ctx) {
        ctx.setCookie(Cookie.of("session", "s3cr3t-id")
                .withHttpOnly(true)                                  // out of reach of page scripts
                .withSecure(true)                                    // HTTPS only
                .withSameSite(Cookie.SameSite.LAX));                 // not sent with other sites' posts
    }
    // #endregion set

    // #region read
    @Get("/theme")
    public String current(Context ctx) {
        var theme = ctx.cookie("theme");
        return theme == null ? "light" : theme;
    }
    // #endregion read

    // #region remove
    @Post("/sign-out")
    public void signOut(Context ctx) {
        ctx.removeCookie("session");                                 // Path=/ and this host, as it was set
    }
    // #endregion remove
}
