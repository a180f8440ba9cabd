package dev.strand.tests.operations;

import dev.strand.Strand;
import java.io.IOException;

/**
 * An app run by {@link MicrometerAbsentTest} in a JVM without Micrometer: it reports what turning
 * metrics on says, then serves with health on and metrics off until its standard input closes.
 */
public final class NoMicrometerApp {
    private NoMicrometerApp() {
    }

    public static void main(String[] args) throws IOException {
        try {
            Strand.builder().controllers(new HealthTest.App()).host("127.0.0.1").port(0)
                    .configure(c -> c.operations(o -> o.withMetrics(true))).start().stop();
            System.out.println("metrics on: started");
        } catch (IllegalStateException e) {
            System.out.println("metrics on: " + e.getMessage());
        }
        var server = Strand.builder().controllers(new HealthTest.App()).host("127.0.0.1").port(0)
                .configure(c -> c.operations(o -> o.withHealth(true))).start();
        System.out.println("port " + server.port());
        while (System.in.read() >= 0) {
            // serves until the test closes this input
        }
        server.stop();
    }
}
