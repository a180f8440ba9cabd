package com.example.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// #region extension
class TodoApiTest {
    // One server for the whole class, on a random port; test methods ask for a client.
    @RegisterExtension
    static final StrandExtension app = new StrandExtension(TodoApp::app);

    @Test
    void createsReadsAndDeletesATodo(TestClient client) {
        var created = client.postJson("/todos", Map.of("title", "buy milk"));
        assertEquals(201, created.status());
        var todo = created.json(Todo.class);
        assertEquals("/todos/" + todo.id(), created.header("Location"));

        assertEquals(todo, client.get("/todos/" + todo.id()).json(Todo.class));
        assertEquals(204, client.delete("/todos/" + todo.id()).status());
        assertEquals(404, client.get("/todos/" + todo.id()).status());
    }
    // #endregion extension

    @Test
    void patchesOnlyTheFieldsSent(TestClient client) {
        var todo = client.postJson("/todos", Map.of("title", "write docs")).json(Todo.class);
        var done = client.patchJson("/todos/" + todo.id(), Map.of("done", true)).json(Todo.class);
        assertEquals(new Todo(todo.id(), "write docs", true), done);
    }

    @Test
    void filtersAndPagesWithQueryParameters(TestClient client) {
        var first = client.postJson("/todos", Map.of("title", "page one")).json(Todo.class);
        var second = client.postJson("/todos", Map.of("title", "page two")).json(Todo.class);
        client.patchJson("/todos/" + second.id(), Map.of("done", true));

        var page = client.get("/todos?after=" + (first.id() - 1) + "&limit=1").json(Todo[].class);
        assertEquals(List.of(first), List.of(page));
        var done = List.of(client.get("/todos?done=true").json(Todo[].class));
        assertTrue(done.stream().allMatch(Todo::done));
        assertTrue(done.stream().anyMatch(t -> t.id() == second.id()));
    }

    @Test
    void refusesBadInputWithAReason(TestClient client) {
        assertEquals(422, client.postJson("/todos", Map.of("title", " ")).status());
        var badJson = client.post("/todos", "{\"title\": ", "Content-Type", "application/json");
        assertEquals(400, badJson.status());
        assertEquals(400, client.get("/todos?limit=1000").status());
        var notANumber = client.get("/todos/abc");
        assertEquals(400, notANumber.status());
        assertTrue(notANumber.body().contains("id"), notANumber.body());
    }
}
