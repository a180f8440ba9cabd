/** Not API. JSON reading and writing through Jackson for bodies, results and events. */
package dev.strand.internal.json;
