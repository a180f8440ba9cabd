/**
 * API descriptions from the route table: OpenAPI 3.1 for HTTP routes, AsyncAPI 3.0 for WebSocket
 * and SSE routes, with JSON Schema for the Java types they read and write, and the routes that
 * serve them. Built once at startup from the route definitions; knows nothing of Jetty.
 */
package dev.strand.internal.apidoc;
