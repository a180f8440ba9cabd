package com.example.context;

import com.example.middleware.RequestId;
import dev.strand.Strand;

public final class ContextApp {
    private ContextApp() {
    }

    public static Strand.Builder app() {
        return Strand.builder().controllers(new ContextTour()).use(new RequestId());
    }

    public static void main(String[] args) {
        app().args(args).start();
    }
}
