/** Not API. The route table, path patterns, parameter conversion and the invoker that calls a handler method; knows no Jetty. */
package dev.strand.internal.routing;
