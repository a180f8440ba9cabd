/** Not API. The Jetty binding for WebSocket: the upgrade endpoint and the connection, whose virtual thread reads and writes messages. */
package dev.strand.internal.websocket;
