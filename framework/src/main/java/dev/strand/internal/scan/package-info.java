/** Not API. Finds controllers and global middleware on the class path (the only user of ClassGraph) and reads their route annotations. */
package dev.strand.internal.scan;
