/** The annotations that declare routes ({@code @Get}, {@code @Ws}, {@code @Sse}, ...), bind parameters and attach middleware; they depend on nothing. */
package dev.strand.annotation;
