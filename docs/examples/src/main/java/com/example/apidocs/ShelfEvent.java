package com.example.apidocs;

/** What watchers of the shelf hear: a book came in or sold out. */
public sealed interface ShelfEvent {
    record Arrived(Book book) implements ShelfEvent {}

    record SoldOut(String isbn) implements ShelfEvent {}
}
