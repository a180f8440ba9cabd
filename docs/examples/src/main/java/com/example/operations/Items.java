package com.example.operations;

import dev.strand.HttpException;
import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;

public final class Items {
    private final Inventory inventory;

    public Items(Inventory inventory) {
        this.inventory = inventory;
    }

    public record Stock(String item, int count) {}

    @Get("/items/{item}")
    public Stock stock(@PathParam String item) {
        var count = inventory.stock(item);
        if (count == null) throw new HttpException(404, "No item " + item);
        return new Stock(item, count);
    }
}
