package dev.strand.docs;

import org.junit.jupiter.api.Test;

/**
 * Getting started and every tutorial, followed literally by a newcomer in a fresh home folder
 * (see {@link Walkthrough}): the pages' files saved where they say, their commands run as
 * written, their tests included, and what each command prints checked against what the page
 * shows. Takes a few minutes: it builds Strand once, then each tutorial's app and tests.
 */
class WalkthroughTest {

    @Test
    void aNewcomerCanFollowEveryTutorialToTheLastLine() throws Exception {
        try (var reader = Walkthrough.start()) {
            for (var page : Tutorials.pages()) reader.follow(page);
        }
    }
}
