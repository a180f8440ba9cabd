package com.example.apidocs;

import java.nio.file.Path;

// #region write
/** Writes openapi.json and asyncapi.json into the folder named first on the command line (target/api unless told). */
public final class WriteApiDescriptions {
    public static void main(String[] args) {
        var files = BookshopApp.app().writeApiDescriptions(Path.of(args.length > 0 ? args[0] : "target/api"));
        System.out.println("wrote " + files);
    }
}
// #endregion write
