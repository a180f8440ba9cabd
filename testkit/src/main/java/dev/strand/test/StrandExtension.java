package dev.strand.test;

import dev.strand.Strand;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts one app for a test class on a random loopback port and stops
 * it after the last test. Test methods may take {@link TestClient} or {@link Strand} parameters.
 *
 * {@snippet :
 * class HelloTest {
 *     @RegisterExtension
 *     static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new HelloController()));
 *
 *     @Test
 *     void greets(TestClient client) {
 *         assertEquals("Hello, ada", client.get("/hello/ada").body());
 *     }
 * }
 * }
 */
public final class StrandExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final Supplier<Strand.Builder> app;
    private StrandTest.TestApp running;

    /** An extension that builds the app with {@code app} when the test class starts. */
    public StrandExtension(Supplier<Strand.Builder> app) {
        this.app = app;
    }

    /** The running server; valid between the class's first and last test. */
    public Strand server() {
        return started().server();
    }

    /** A client bound to the running server. */
    public TestClient client() {
        return started().client();
    }

    private StrandTest.TestApp started() {
        if (running == null) throw new IllegalStateException("the app is not running; register the extension as a static field");
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = StrandTest.start(app.get());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        var type = parameter.getParameter().getType();
        return type == TestClient.class || type == Strand.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestClient.class ? client() : server();
    }
}
