/** Middleware bundled with Strand, each built on the API only: access log, CORS and static files. */
package dev.strand.middleware;
