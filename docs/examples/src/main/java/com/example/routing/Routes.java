package com.example.routing;

import dev.strand.Context;
import dev.strand.annotation.Delete;
import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;

// #region routes
/**
 * Four routes that all could take GET /files/...: at each segment static text beats
 * {@code {param}}, which beats {@code {param:regex}}, which beats {@code {rest...}},
 * whatever order they are declared in.
 */
public final class Routes {

    @Get("/files/{path...}")                           // the rest of the path, slashes and all
    public String tail(@PathParam String path) {
        return "tail " + path;
    }

    @Get("/files/{id:[0-9]+}/raw")                     // a segment that matches the regex
    public String raw(@PathParam long id) {
        return "raw " + id;
    }

    @Get("/files/{name}")                              // any one segment, percent-decoded
    public String file(@PathParam String name) {
        return "file " + name;
    }

    @Get("/files/latest")                              // static text
    public String latest() {
        return "latest";
    }

    @Delete("/files/{name}")                           // same path, another method
    public void delete(Context ctx, @PathParam String name) {
        ctx.setResponseStatus(204);
    }
}
// #endregion routes
