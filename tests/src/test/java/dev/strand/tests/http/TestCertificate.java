package dev.strand.tests.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate for localhost and 127.0.0.1 made at test time with openssl, as users make theirs,
 * in PEM files (and, when asked, the other shapes users bring). Never committed.
 *
 * @param certificate the PEM certificate
 * @param privateKey  its unencrypted PKCS#8 key
 */
record TestCertificate(Path certificate, Path privateKey) {

    /** Makes a certificate and key in {@code dir}. */
    static TestCertificate make(Path dir) throws IOException, InterruptedException {
        var cert = dir.resolve("cert.pem");
        var key = dir.resolve("key.pem");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString());
        return new TestCertificate(cert, key);
    }

    /** Writes the key as a traditional PKCS#1 {@code RSA PRIVATE KEY} and returns that file. */
    Path pkcs1Key() throws IOException, InterruptedException {
        var out = privateKey.resolveSibling("key-pkcs1.pem");
        openssl(out.getParent(), "pkey", "-in", privateKey.toString(), "-traditional", "-out", out.toString());
        return out;
    }

    /** Writes certificate and key as a PKCS#12 keystore with {@code password} and returns that file. */
    Path pkcs12(String password) throws IOException, InterruptedException {
        var out = privateKey.resolveSibling("server.p12");
        openssl(out.getParent(), "pkcs12", "-export", "-in", certificate.toString(), "-inkey", privateKey.toString(),
                "-out", out.toString(), "-passout", "pass:" + password);
        return out;
    }

    /** {@return a TLS context that trusts this certificate and nothing else} */
    SSLContext trusting() throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        var log = dir.resolve("openssl.log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("openssl " + String.join(" ", args) + " failed:\n" + Files.readString(log));
        }
    }
}
