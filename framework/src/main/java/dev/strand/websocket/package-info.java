/** The WebSocket message and close types a handler receives and sends ({@link dev.strand.websocket.WsMessage}, {@link dev.strand.websocket.WsClose}). */
package dev.strand.websocket;
