package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo pages in a real browser: headless Chromium from Debian driven by playwright-core, one
 * scenario of {@code e2e/scenarios/} per test, each against a fresh demo. Screenshots land in
 * {@code target/e2e/}. A missing Chromium or Node.js fails the tests with what to install.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("STRAND_CHROMIUM", "/usr/bin/chromium"));

    @BeforeAll
    static void chromiumAndNodeAreInstalled() throws InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("""
                    %s is missing, and the demo's browser tests need it (they never skip).
                    Install it with:  sudo apt-get install -y chromium   (Debian; bin/test does this by itself)
                    or point STRAND_CHROMIUM at another Chromium.""".formatted(CHROMIUM));
        }
        try {
            if (new ProcessBuilder("node", "--version").start().waitFor() != 0) throw new IOException("node --version failed");
        } catch (IOException e) {
            fail("Node.js is missing, and the demo's browser tests run on it. Install Node.js 20+ (Debian: sudo apt-get install -y nodejs npm)");
        }
        if (!Files.isDirectory(Path.of("e2e", "node_modules", "playwright-core"))) {
            fail("playwright-core is not installed in demo-app/e2e; the build's generate-test-resources phase runs e2e/install, or run it yourself");
        }
    }

    @Test
    void twoChatPagesSeeEachOthersPresenceAndMessages() throws Exception {
        BrowserScenario.run("chat");
    }

    @Test
    void aStrokeDrawnWithTheMouseAppearsOnTheOtherPagesAndOnALaterOne() throws Exception {
        BrowserScenario.run("whiteboard");
    }

    @Test
    void aVoteOnOnePollPageUpdatesTheResultsOnAnother() throws Exception {
        BrowserScenario.run("poll");
    }

    @Test
    void theStocksTableChangesOverTime() throws Exception {
        BrowserScenario.run("stocks");
    }

    @Test
    void theChatPageReconnectsAfterTheServerStopsAndStartsAgain() throws Exception {
        BrowserScenario.run("reconnect");
    }

    @Test
    void overHttpsTenSseStreamsToOneOriginAllReceiveBesideAWssEcho() throws Exception {
        BrowserScenario.runOverTls("https-streams");
    }

    @Test
    void pagesCutOffOrNavigatedAwayGetTheMissedMessagesInOrderOnce() throws Exception {
        BrowserScenario.run("recovery");
    }

    @Test
    void everyPageFitsAWideAndANarrowWindow() throws Exception {
        BrowserScenario.run("layout");
    }
}
