/** Not API. The middleware chain a request runs through, and the sink errors go to. */
package dev.strand.internal.pipeline;
