package com.example.forms;

import dev.strand.Strand;
import dev.strand.config.FormConfig;
import java.nio.file.Path;

public final class FormsApp {
    private FormsApp() {
    }

    /** The app, storing photos under {@code photos}. */
    public static Strand.Builder app(Path photos) {
        // #region config
        return Strand.builder()
                .controllers(new Signup(), new Photos(photos))
                .configure(c -> c.forms(FormConfig.DEFAULT
                        .withMaxFileSize(20L << 20)          // 20 MiB a file
                        .withMaxMultipartSize(50L << 20)     // 50 MiB a request
                        .withMaxFields(20)                   // fields and parts of one form
                        .withMemoryThreshold(256 << 10)));   // parts over 256 KiB go to a temporary file
        // #endregion config
    }

    public static void main(String[] args) {
        app(Path.of("photos")).args(args).start();
    }
}
