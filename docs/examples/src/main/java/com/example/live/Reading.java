package com.example.live;

/** One measurement a sensor posts: {@code {"sensor":"kitchen","celsius":21.5}}. */
public record Reading(String sensor, double celsius) {}
