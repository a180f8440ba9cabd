package com.example.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FormsTest {
    private static final Path PHOTOS = directory();
    private static final String BOUNDARY = "docs-boundary";

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> FormsApp.app(PHOTOS));

    @AfterAll
    static void removePhotos() throws IOException {
        try (var files = Files.walk(PHOTOS)) {
            for (var file : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
        }
    }

    @Test
    void bindsAndReadsUrlEncodedForms(TestClient client) {
        var form = new String[] {"Content-Type", "application/x-www-form-urlencoded"};
        assertEquals("Welcome, ada@example.com (18)", client.post("/signup", "email=ada%40example.com", form).body());
        assertEquals("Welcome, ada@example.com (36)", client.post("/signup", "email=ada%40example.com&age=36", form).body());
        assertEquals("ada follows jvm, web", client.post("/newsletter", "email=ada&topic=jvm&topic=web", form).body());
    }

    @Test
    void storesAPhotoUnderANameOfItsOwn(TestClient client) throws IOException {
        var jpeg = new byte[300_000];
        jpeg[0] = (byte) 0xFF;
        var saved = client.request("POST", "/photos", multipart("Beach", "beach.jpg", jpeg),
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY).json(Photos.Saved.class);
        assertEquals("Beach", saved.title());
        assertEquals(jpeg.length, saved.bytes());
        assertEquals(jpeg.length, Files.size(PHOTOS.resolve(saved.file())));
    }

    @Test
    void countsStreamedParts(TestClient client) {
        var counted = client.request("POST", "/photos/count", multipart("x", "a.jpg", new byte[70_000]),
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY).json(Photos.Counted[].class);
        assertEquals(new Photos.Counted("title", null, 1), counted[0]);
        assertEquals(new Photos.Counted("photo", "a.jpg", 70_000), counted[1]);
    }

    /** A title field and a JPEG file part named photo, as a browser's form sends them. */
    private static byte[] multipart(String title, String fileName, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Path directory() {
        try {
            return Files.createTempDirectory("photos");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
