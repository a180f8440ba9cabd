package com.example.rest;

import dev.strand.Strand;

public final class TodoApp {
    private TodoApp() {
    }

    // #region app
    /** The whole app; main starts it, the tests start the same builder on a random port. */
    public static Strand.Builder app() {
        return Strand.builder().controllers(new TodoController(new TodoStore()));
    }

    public static void main(String[] args) {
        app().args(args).start();
    }
    // #endregion app
}
