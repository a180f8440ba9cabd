/**
 * The API of Strand: {@link dev.strand.Strand} starts a server, {@link dev.strand.Context} is one
 * request, WebSocket or SSE stream, {@link dev.strand.Middleware} wraps handlers, and
 * {@link dev.strand.HttpException} and {@link dev.strand.ClosedException} are the exceptions a
 * handler sees or throws. Nothing here imports the rest of the framework except {@code Strand},
 * the entry point, which wires the layers below.
 */
package dev.strand;
