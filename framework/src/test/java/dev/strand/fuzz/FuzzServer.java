package dev.strand.fuzz;

import dev.strand.Strand;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Strand server on a random loopback port for the fuzz targets of one test class, started
 * before the first input and stopped after the last, with one {@link RawHttp} client to it.
 *
 * {@snippet :
 * @RegisterExtension
 * static final FuzzServer app = new FuzzServer(() -> Strand.builder().controllers(new Routes()));
 * }
 */
public final class FuzzServer implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<Strand.Builder> app;
    private Strand server;
    private RawHttp http;

    public FuzzServer(Supplier<Strand.Builder> app) {
        this.app = app;
    }

    /** The client; one connection, kept alive across inputs. */
    public RawHttp http() {
        return http;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = app.get().host("127.0.0.1").port(0).start();
        http = new RawHttp(server.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        http.close();
        server.stop();
    }
}
