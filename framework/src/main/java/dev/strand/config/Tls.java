package dev.strand.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the server's certificate and private key come from when it serves HTTPS. One of three
 * kinds, chosen when the settings are made; the files are read once, at start.
 *
 * {@snippet :
 * Strand.builder().configure(c -> c.tls(Tls.pem(Path.of("cert.pem"), Path.of("key.pem"))));
 * }
 */
public sealed interface Tls {

    /**
     * A certificate chain and its private key in PEM files, as Let's Encrypt, mkcert and
     * {@code openssl req -x509} write them.
     *
     * @param certificateChain the server certificate first, then any intermediates
     *                         ({@code -----BEGIN CERTIFICATE-----} blocks)
     * @param privateKey       an unencrypted PKCS#8 key ({@code -----BEGIN PRIVATE KEY-----}): RSA, EC or EdDSA
     */
    record Pem(Path certificateChain, Path privateKey) implements Tls {
        /** @throws NullPointerException for a missing path */
        public Pem {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /**
     * A PKCS#12 keystore holding one private key entry with its certificate chain.
     *
     * @param file     the {@code .p12} / {@code .pfx} file
     * @param password the password of the store and of its key
     */
    record KeyStore(Path file, String password) implements Tls {
        /** @throws NullPointerException for a missing file or password */
        public KeyStore {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(password, "password");
        }

        /** Keeps the password out of logs and error messages. */
        @Override
        public String toString() {
            return "KeyStore[file=" + file + ", password=***]";
        }
    }

    /**
     * A certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} made at each start,
     * with the JDK's {@code keytool}, and kept in memory only. For local development: browsers warn
     * about it, and clients must be told to trust it. The start logs a warning saying so.
     */
    record SelfSigned() implements Tls {
    }

    /**
     * {@return PEM files}
     *
     * @param certificateChain see {@link Pem#certificateChain()}
     * @param privateKey       see {@link Pem#privateKey()}
     */
    static Tls pem(Path certificateChain, Path privateKey) {
        return new Pem(certificateChain, privateKey);
    }

    /**
     * {@return a PKCS#12 keystore}
     *
     * @param file     see {@link KeyStore#file()}
     * @param password see {@link KeyStore#password()}
     */
    static Tls keyStore(Path file, String password) {
        return new KeyStore(file, password);
    }

    /** {@return a certificate made at start, for local use} */
    static Tls selfSigned() {
        return new SelfSigned();
    }
}
