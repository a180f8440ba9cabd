/** Not API. The Jetty binding for HTTP: the Jetty handler, the server and its connector, the request context and the HTTP channel, error responses. */
package dev.strand.internal.http;
