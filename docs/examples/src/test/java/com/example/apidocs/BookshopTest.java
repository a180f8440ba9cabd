package com.example.apidocs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BookshopTest {
    @RegisterExtension
    static final StrandExtension app = new StrandExtension(BookshopApp::app);

    @Test
    void theOpenApiDocumentDescribesTheHttpRoutes(TestClient client) {
        var doc = client.get("/openapi.json").json();
        assertEquals("3.1.0", doc.get("openapi").asText());
        assertEquals("Bookshop", doc.at("/info/title").asText());
        var book = doc.at("/paths/~1books~1{isbn}/get");
        assertEquals("One book", book.get("summary").asText());
        assertEquals("no book with that ISBN", book.at("/responses/404/description").asText());
        assertEquals(20, doc.at("/paths/~1books/get/parameters/1/schema/default").asInt());
        assertTrue(doc.at("/paths/~1books/post/responses").has("201"));
        assertEquals("[\"NOVEL\",\"POETRY\",\"SCIENCE\"]", doc.at("/components/schemas/Book.Genre/enum").toString());
    }

    @Test
    void theAsyncApiDocumentDescribesTheChannels(TestClient client) {
        var doc = client.get("/asyncapi.json").json();
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        assertEquals("/sse/shelf", doc.at("/channels/Bookshop.watch/address").asText());
        assertEquals("change", doc.at("/channels/Bookshop.watch/messages/change/name").asText());
        assertEquals("receive", doc.at("/operations/Bookshop.orders.receive/action").asText());
        assertEquals("#/channels/Bookshop.orders/messages/Book", doc.at("/operations/Bookshop.orders.send/messages/0/$ref").asText());
    }

    @Test
    void theMainWritesBothFiles(@TempDir Path dir) throws Exception {
        WriteApiDescriptions.main(new String[] {dir.toString()});
        var openApi = new ObjectMapper().readTree(Files.readString(dir.resolve("openapi.json")));
        assertEquals("Bookshop", openApi.at("/info/title").asText());
        assertTrue(Files.readString(dir.resolve("asyncapi.json")).contains("\"asyncapi\" : \"3.0.0\""));
    }
}
