package com.example.proxy;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;

public final class ProxyApp {
    private ProxyApp() {
    }

    // #region where
    public static final class Where {
        @Get("/where")
        public String where(Context ctx) {
            // Behind a trusted proxy: the browser's address, and the URL it used.
            return ctx.remoteAddress() + " asked for " + ctx.scheme() + "://" + ctx.host() + ctx.path();
        }
    }
    // #endregion where

    // #region config
    public static Strand.Builder app() {
        return Strand.builder()
                .controllers(new Where())
                .configure(c -> c.trustedProxies(
                        "10.0.0.0/8",            // the load balancers' subnet
                        "127.0.0.1"));           // a proxy on this machine
    }
    // #endregion config

    public static void main(String[] args) {
        app().args(args).start();
    }
}
