package dev.strand.demo;

/**
 * One price change of the make-believe market, as {@code /sse/stocks} sends it in a {@code quote}
 * event: {@code {"symbol":"ACME","price":120.37,"volume":1200,"timestamp":1767225600000}}.
 *
 * @param symbol    the stock, e.g. {@code "ACME"}
 * @param price     the new price, rounded to cents
 * @param volume    shares traded at it
 * @param timestamp when, in epoch milliseconds
 */
public record Quote(String symbol, double price, int volume, long timestamp) {}
