package com.example.apidocs;

import dev.strand.Strand;
import dev.strand.config.ApiDocs;

public final class BookshopApp {
    private BookshopApp() {
    }

    // #region config
    public static Strand.Builder app() {
        return Strand.builder()
                .controllers(new Bookshop())
                .configure(c -> c.apiDocs(ApiDocs.ON.withInfo("Bookshop", "1.2.0")));  // /openapi.json, /asyncapi.json
    }
    // #endregion config

    public static void main(String[] args) {
        app().args(args).start();
    }
}
