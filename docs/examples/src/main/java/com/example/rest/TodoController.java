package com.example.rest;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.annotation.Body;
import dev.strand.annotation.Delete;
import dev.strand.annotation.Get;
import dev.strand.annotation.Patch;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Post;
import dev.strand.annotation.QueryParam;
import java.util.List;

/** A JSON API for to-dos: list, read, create, change and delete. */
public final class TodoController {
    private final TodoStore store;

    public TodoController(TodoStore store) {
        this.store = store;
    }

    // #region list
    /** GET /todos?done=false&after=20&limit=10: a page of to-dos, all or only open or done ones. */
    @Get("/todos")
    public List<Todo> list(@QueryParam Boolean done,
                           @QueryParam(defaultValue = "0") long after,
                           @QueryParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) throw new HttpException(400, "limit must be 1 to 100");
        return store.list(done, after, limit);
    }
    // #endregion list

    // #region get
    @Get("/todos/{id}")
    public Todo get(@PathParam long id) {
        return store.find(id).orElseThrow(() -> new HttpException(404, "No to-do " + id));
    }
    // #endregion get

    // #region create
    /** What a client sends to create a to-do. */
    public record NewTodo(String title) {}

    @Post("/todos")
    public Todo create(Context ctx, @Body NewTodo body) {
        if (body.title() == null || body.title().isBlank()) {
            throw new HttpException(422, "title must not be empty");
        }
        var todo = store.add(body.title().strip());
        ctx.setResponseStatus(201).setResponseHeader("Location", "/todos/" + todo.id());
        return todo;
    }
    // #endregion create

    // #region update
    /** A partial change: fields left out (null) stay as they are. */
    public record TodoChange(String title, Boolean done) {}

    @Patch("/todos/{id}")
    public Todo update(@PathParam long id, @Body TodoChange change) {
        var todo = get(id);
        var changed = new Todo(id,
                change.title() == null ? todo.title() : change.title(),
                change.done() == null ? todo.done() : change.done());
        return store.replace(changed).orElseThrow(() -> new HttpException(404, "No to-do " + id));
    }
    // #endregion update

    // #region delete
    /** Writes nothing, so Strand answers 204 No Content. */
    @Delete("/todos/{id}")
    public void delete(@PathParam long id) {
        if (!store.remove(id)) throw new HttpException(404, "No to-do " + id);
    }
    // #endregion delete
}
