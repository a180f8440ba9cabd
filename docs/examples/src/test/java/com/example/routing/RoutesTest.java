package com.example.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RoutesTest {
    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().scan("com.example.routing"));

    @Test
    void theMostSpecificSegmentWinsWhateverTheDeclarationOrder(TestClient client) {
        assertEquals("latest", client.get("/files/latest").body());
        assertEquals("file notes.txt", client.get("/files/notes.txt").body());
        assertEquals("raw 42", client.get("/files/42/raw").body());
        assertEquals("tail abc/raw", client.get("/files/abc/raw").body());        // not digits: the regex fails
        assertEquals("tail a/b/c", client.get("/files/a/b/c").body());
    }

    @Test
    void parametersAreDecodedPerSegmentAndTrailingSlashesIgnored(TestClient client) {
        assertEquals("file my notes", client.get("/files/my%20notes").body());
        assertEquals("file naïve", client.get("/files/na%C3%AFve").body());
        assertEquals("latest", client.get("/files/latest/").body());
    }

    @Test
    void anEncodedSlashIsRefusedBeforeRouting(TestClient client) {
        assertEquals(400, client.get("/files/a%2Fb").status());
    }

    @Test
    void unknownPathsAndMethodsAnswer404And405(TestClient client) {
        assertEquals(404, client.get("/nothing/here").status());
        var post = client.post("/files/notes.txt", "");
        assertEquals(405, post.status());
        assertEquals("DELETE, GET, HEAD, OPTIONS", post.header("Allow"));
        var options = client.request("OPTIONS", "/files/notes.txt", null);
        assertEquals(204, options.status());
        assertEquals(200, client.request("HEAD", "/files/latest", null).status());
        assertEquals(204, client.delete("/files/notes.txt").status());
        assertTrue(client.get("/files/latest").header("Content-Type").startsWith("text/plain"));
    }
}
