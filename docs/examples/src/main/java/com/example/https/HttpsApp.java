package com.example.https;

import dev.strand.Strand;
import dev.strand.config.Compression;
import dev.strand.config.Tls;
import java.nio.file.Path;

public final class HttpsApp {
    private HttpsApp() {
    }

    // #region https
    public static Strand.Builder app(Path certificate, Path privateKey) {
        return Strand.builder()
                .controllers(new Report())
                .port(8443)
                .configure(c -> c
                        .tls(Tls.pem(certificate, privateKey))      // PEM chain + PKCS#8 key
                        .redirectPort(8080)                         // http://…:8080 → https://…:8443
                        .compression(Compression.DEFAULT.withMinResponseSize(2048)));
    }
    // #endregion https

    // #region main
    public static void main(String[] args) {
        app(Path.of("cert.pem"), Path.of("key.pem")).args(args).start();   // --tls-cert, --port … still win
    }
    // #endregion main
}
