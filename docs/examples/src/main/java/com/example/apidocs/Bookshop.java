package com.example.apidocs;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.annotation.ApiResponse;
import dev.strand.annotation.Body;
import dev.strand.annotation.Doc;
import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Post;
import dev.strand.annotation.QueryParam;
import dev.strand.annotation.Receives;
import dev.strand.annotation.Sends;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.sse.SseEvent;
import dev.strand.websocket.WsMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

@Doc(tags = "books", description = "The shelf")
public final class Bookshop {
    private final Map<String, Book> shelf = new ConcurrentHashMap<>(Map.of(
            "978-0", new Book("978-0", "Dubliners", Book.Genre.NOVEL, List.of("James Joyce"), 3)));

    // #region http
    @Get("/books/{isbn}")
    @Doc(summary = "One book", example = "{\"isbn\":\"978-0\",\"title\":\"Dubliners\",\"genre\":\"NOVEL\"}")
    @ApiResponse(status = 404, description = "no book with that ISBN")
    public Book book(@PathParam String isbn) {
        var book = shelf.get(isbn);
        if (book == null) throw new HttpException(404, "no book " + isbn);
        return book;
    }

    @Get("/books")
    public List<Book> books(@QueryParam Book.Genre genre, @QueryParam(value = "limit", defaultValue = "20") int limit) {
        return shelf.values().stream().filter(b -> genre == null || b.genre() == genre).limit(limit).toList();
    }

    @Post("/books")
    @ApiResponse(status = 201, description = "the book, shelved")
    public Book shelve(Context ctx, @Body Book book) {
        shelf.put(book.isbn(), book);
        ctx.setResponseStatus(201);
        return book;
    }
    // #endregion http

    // #region channels
    @Sse("/sse/shelf")
    @Doc(summary = "Changes to the shelf, live")
    @Sends(value = ShelfEvent.class, event = "change", description = "a book arrived or sold out")
    public void watch(Context ctx) {
        shelf.values().forEach(b -> ctx.sendEvent(SseEvent.data(new ShelfEvent.Arrived(b)).event("change")));
    }

    @Ws("/ws/orders")
    @Receives(value = String.class, description = "an ISBN to order")
    @Sends(value = Book.class, description = "the book ordered, with the stock left")
    public void orders(Context ctx) {
        for (WsMessage m; (m = ctx.receive()) != null; ) {
            if (m instanceof WsMessage.Text(var isbn) && shelf.get(isbn) instanceof Book b) {
                var left = new Book(b.isbn(), b.title(), b.genre(), b.authors(), b.stock() - 1);
                shelf.put(isbn, left);
                ctx.sendJson(left);
            }
        }
    }
    // #endregion channels
}
