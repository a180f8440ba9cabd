package dev.strand.internal.metrics;

import dev.strand.Context;

/** The recorder that records nothing: every method is empty, so a call to it costs nothing once inlined. */
enum Off implements HttpMeters, WsMeters, SseMeters {
    INSTANCE;

    @Override
    public long start() {
        return 0;
    }

    @Override
    public void end(Context exchange, String route, long start) {
    }

    @Override
    public void opened() {
    }

    @Override
    public void closed(int code) {
    }

    @Override
    public void textIn(String text) {
    }

    @Override
    public void binaryIn(int bytes) {
    }

    @Override
    public void textOut(String text) {
    }

    @Override
    public void binaryOut(int bytes) {
    }

    @Override
    public void slowConsumer() {
    }

    @Override
    public void closed() {
    }

    @Override
    public void event() {
    }

    @Override
    public void vanished(boolean heartbeat) {
    }
}
