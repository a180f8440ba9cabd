package dev.strand.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.type.TypeReference;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON body binding. Any body either binds to a value of the handler's type, which Strand can
 * write back as JSON that binds to an equal value (untyped: that writes back the same), or fails with a {@link JsonDecodeException}
 * whose message is fit for the wire: it says what is wrong in JSON terms and names no Java class
 * or library (unless the client's own text did). Nothing else may escape (no stack overflow, no Jackson exception).
 */
class JsonCodecFuzzTest {
    enum Color { RED, GREEN }

    record Address(String street, int number) {}

    record Order(String name, int quantity, long id, double price, boolean paid, List<String> tags,
                 Map<String, Integer> counts, Color color, Address address, List<Integer> codes) {}

    private static final List<Type> TYPES = List.of(Order.class, Object.class,
            new TypeReference<List<Order>>() { }.getType(), String.class, Integer.class, Color.class);
    private static final Pattern INTERNALS = Pattern.compile("dev\\.strand|java\\.|com\\.fasterxml|jackson|Jackson|\\[Source:|class ");
    private static final List<String> KINDS = List.of("Request body is ", "Unknown JSON field ", "JSON value ",
            "Unexpected JSON at ", "Malformed JSON");
    private static final JsonCodec CODEC = new JsonCodec();

    @FuzzTest
    void bodyBindsAndWritesBackOrFailsWithAClientMessage(byte[] input) {
        var type = TYPES.get(input.length == 0 ? 0 : (input[0] & 0xFF) % TYPES.size());
        var body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        Object value;
        try {
            value = CODEC.read(body, type);
        } catch (JsonDecodeException e) {
            var message = e.getMessage();
            assertTrue(KINDS.stream().anyMatch(message::startsWith), message);
            var sent = new String(body, StandardCharsets.UTF_8);
            INTERNALS.matcher(message).results().forEach(internal ->
                    assertTrue(sent.contains(internal.group()), () -> "names an internal: " + message));
            return;
        }
        assertNotNull(value);
        var written = CODEC.write(value);
        var reread = CODEC.read(written, type);
        if (type == Object.class) {
            // Untyped, an overflowing number reads as Infinity, which JSON can only write as the
            // string "Infinity"; what is written must then stay the same from there on.
            assertEquals(new String(written, StandardCharsets.UTF_8), new String(CODEC.write(reread), StandardCharsets.UTF_8));
        } else {
            assertEquals(value, reread, () -> "written back as " + new String(written, StandardCharsets.UTF_8));
        }
    }
}
