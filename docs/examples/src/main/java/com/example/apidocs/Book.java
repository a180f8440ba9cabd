package com.example.apidocs;

import java.util.List;

/** A book on the shelf; {@code genre} is one of {@link Genre}. */
public record Book(String isbn, String title, Genre genre, List<String> authors, int stock) {

    public enum Genre { NOVEL, POETRY, SCIENCE }
}
