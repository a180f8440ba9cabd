/** The annotations that mark Strand routes, parameters and middleware; they depend on nothing. */
module dev.strand.annotation {
    exports dev.strand.annotation;
}
