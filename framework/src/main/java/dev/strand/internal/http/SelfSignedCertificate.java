package dev.strand.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate for {@code localhost} made at start with the JDK's own {@code keytool}, for
 * {@code --tls} in local development. keytool rather than a certificate library: every JDK has it,
 * so every app accepts {@code --tls} without another dependency, and it runs once per start. The
 * key never leaves memory for longer than keytool's run: its file is read and deleted at once.
 */
final class SelfSignedCertificate {
    /** Hosts a browser or client on this machine uses to reach the server. */
    static final String NAMES = "dns:localhost,ip:127.0.0.1,ip:::1";
    private static final long KEYTOOL_SECONDS = 60;

    private SelfSignedCertificate() {
    }

    /**
     * Makes a 30-day EC P-256 certificate for {@link #NAMES}.
     *
     * @throws IllegalStateException when this Java runtime has no keytool, or keytool failed
     */
    static ServerKeyStore make() {
        var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("--tls makes its certificate with the JDK's keytool, which this Java runtime ("
                    + System.getProperty("java.home") + ") lacks; give a certificate with --tls-cert FILE --tls-key FILE instead");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("strand-tls-");
            var file = dir.resolve("self-signed.p12");
            var log = dir.resolve("keytool.log");
            var password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            // keytool is a JVM of its own: the quick compiler and the serial collector halve its start.
            var process = new ProcessBuilder(List.of(keytool.toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                    "-genkeypair", "-alias", "strand",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                    "-dname", "CN=localhost, O=Strand development certificate", "-ext", "SAN=" + NAMES,
                    "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not make the --tls certificate within " + KEYTOOL_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make the --tls certificate: "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            return ServerKeyStore.fromPkcs12(file, password);
        } catch (IOException e) {
            throw new IllegalStateException("could not make the --tls certificate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the --tls certificate", e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (var file : files.toList()) Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory the OS cleans up; the key in it was for this run only
        }
    }
}
