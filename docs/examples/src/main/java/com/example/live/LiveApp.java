package com.example.live;

import dev.strand.Strand;
import dev.strand.middleware.StaticFiles;

public final class LiveApp {
    private LiveApp() {
    }

    public static Strand.Builder app() {
        return Strand.builder()
                .controllers(new ReadingsController(new ReadingLog()))
                .use(StaticFiles.classpath("live"));             // the dashboard at /
    }

    public static void main(String[] args) {
        app().args(args).start();
    }
}
