package dev.strand.internal.http;

import dev.strand.config.Tls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The keystore a TLS connector serves from, made once at start from the {@link Tls} settings: a
 * PKCS#12 file as it is, PEM files turned into an in-memory store, or a certificate made now.
 * Every failure names the file and what to change.
 *
 * @param store    holds one private key entry with its chain
 * @param password the password of the store and of its key
 */
record ServerKeyStore(KeyStore store, String password) {
    private static final String ALIAS = "strand";
    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final Pattern OTHER_KEY = Pattern.compile("-----BEGIN ((RSA |EC |ENCRYPTED )PRIVATE KEY)-----");

    /**
     * Reads or makes the keystore.
     *
     * @throws IllegalStateException naming the file and the problem: missing, unreadable, not PEM
     *                               or PKCS#12, a key in a format the JDK cannot read, a wrong password
     */
    static ServerKeyStore of(Tls tls) {
        return switch (tls) {
            case Tls.Pem pem -> fromPem(pem.certificateChain(), pem.privateKey());
            case Tls.KeyStore file -> fromPkcs12(file.file(), file.password());
            case Tls.SelfSigned ignored -> SelfSignedCertificate.make();
        };
    }

    static ServerKeyStore fromPkcs12(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            var store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return new ServerKeyStore(store, password);
        } catch (NoSuchFileException e) {
            throw missing("keystore", file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("TLS keystore " + file + " could not be read as PKCS#12 with the password given: "
                    + e.getMessage(), e);
        }
    }

    private static ServerKeyStore fromPem(Path certificateFile, Path keyFile) {
        Certificate[] chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile, chain[0].getPublicKey().getAlgorithm());
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            var password = Long.toHexString(new java.security.SecureRandom().nextLong());
            store.setKeyEntry(ALIAS, key, password.toCharArray(), chain);
            return new ServerKeyStore(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("TLS key " + keyFile + " does not fit certificate " + certificateFile + ": " + e.getMessage(), e);
        }
    }

    private static Certificate[] certificates(Path file) {
        try {
            var certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
            if (certificates.isEmpty()) throw new IllegalStateException("TLS certificate " + file + " holds no certificate");
            return certificates.toArray(Certificate[]::new);
        } catch (NoSuchFileException e) {
            throw missing("certificate", file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("TLS certificate " + file
                    + " is not a PEM certificate chain (-----BEGIN CERTIFICATE----- blocks): " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file, String algorithm) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw missing("private key", file);
        } catch (IOException e) {
            throw new IllegalStateException("TLS private key " + file + " could not be read: " + e.getMessage(), e);
        }
        var pkcs8 = PKCS8.matcher(text);
        if (!pkcs8.find()) {
            var other = OTHER_KEY.matcher(text);
            throw new IllegalStateException("TLS private key " + file + (other.find()
                    ? " is a PEM '" + other.group(1) + "'; Strand reads unencrypted PKCS#8 ('PRIVATE KEY'). Convert it with: "
                    + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key-pkcs8.pem"
                    : " holds no '-----BEGIN PRIVATE KEY-----' block"));
        }
        try {
            var der = Base64.getMimeDecoder().decode(pkcs8.group(1));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException("TLS private key " + file + " is not a " + algorithm
                    + " key matching the certificate: " + e.getMessage(), e);
        }
    }

    private static IllegalStateException missing(String what, Path file) {
        return new IllegalStateException("TLS " + what + " " + file.toAbsolutePath() + " does not exist");
    }
}
