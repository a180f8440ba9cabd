package com.example.threading;

import dev.strand.Strand;

public final class ThreadingApp {
    private ThreadingApp() {
    }

    public static Strand.Builder app(Rates rates) {
        return Strand.builder().controllers(new Dashboard(rates));
    }

    public static void main(String[] args) {
        app(new Rates()).args(args).start();
    }
}
