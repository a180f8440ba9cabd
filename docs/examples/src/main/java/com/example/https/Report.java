package com.example.https;

import dev.strand.annotation.Get;

public final class Report {
    @Get("/report")
    public String report() {
        return "All systems nominal.\n".repeat(200);             // ~4 KB of text: worth compressing
    }
}
