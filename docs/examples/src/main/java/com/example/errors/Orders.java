package com.example.errors;

import dev.strand.HttpException;
import dev.strand.annotation.Body;
import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Post;
import java.util.NoSuchElementException;

/** Routes that fail in the ways apps do. */
public final class Orders {

    public record Order(long id, String item, int quantity) {}

    // #region throws
    @Get("/orders/{id}")
    public Order order(@PathParam long id) {
        if (id != 1) throw new NoSuchElementException("No order " + id);   // 404, see ErrorsApp
        return new Order(1, "tea", 2);
    }

    @Post("/orders")
    public Order place(@Body Order order) {                     // bad JSON: 400 before this runs
        if (order.quantity() < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");      // 422
        }
        return order;
    }

    @Get("/orders/{id}/invoice")
    public String invoice(@PathParam long id) {
        throw new HttpException(409, "Order " + id + " is not paid yet");   // as it is
    }

    @Get("/orders/report")
    public String report() {
        throw new IllegalStateException("db password rejected");   // 500; message only in the log
    }
    // #endregion throws
}
