/** Fan-out of messages to many WebSocket and SSE connections ({@link dev.strand.broadcast.Hub}), in one process or across processes through Redis. */
package dev.strand.broadcast;
