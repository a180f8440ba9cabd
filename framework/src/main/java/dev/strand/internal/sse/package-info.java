/** Not API. The Jetty binding for Server-Sent Events: the endpoint, the channel that writes events and heartbeats, the wire format. */
package dev.strand.internal.sse;
