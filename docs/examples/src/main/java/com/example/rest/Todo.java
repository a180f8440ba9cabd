package com.example.rest;

/** A to-do item as the API shows it. */
public record Todo(long id, String title, boolean done) {}
