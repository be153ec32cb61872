package dev.sfu.signaling.tls;

import com.typesafe.config.Config;
import dev.sfu.signaling.ConfigValues;

import java.nio.file.Path;

/**
 * The certificate of the signaling port. When one is configured the port speaks only HTTPS (and WSS); there is no
 * plain HTTP beside it. Either a PEM certificate chain and its unencrypted PEM private key, or a PKCS#12 keystore
 * and its password, or neither (plain HTTP).
 */
public record HttpsSettings(Path certificateFile, Path privateKeyFile, Path keystoreFile, String keystorePassword) {
    public static final HttpsSettings DISABLED = new HttpsSettings(null, null, null, null);

    public HttpsSettings {
        boolean pem = certificateFile != null || privateKeyFile != null;
        if (pem && (certificateFile == null || privateKeyFile == null)) {
            throw new IllegalArgumentException("TLS with PEM files needs both the certificate file and the private key file");
        }
        if (pem && keystoreFile != null) {
            throw new IllegalArgumentException("configure TLS with either PEM files or a PKCS#12 keystore, not both");
        }
    }

    public static HttpsSettings pem(Path certificateChain, Path privateKey) {
        return new HttpsSettings(certificateChain, privateKey, null, null);
    }

    public static HttpsSettings pkcs12(Path keystore, String password) {
        return new HttpsSettings(null, null, keystore, password);
    }

    /** From plain values (blank or null: not set). */
    public static HttpsSettings of(String certificateFile, String privateKeyFile, String keystoreFile,
                                   String keystorePassword) {
        return new HttpsSettings(path(certificateFile), path(privateKeyFile), path(keystoreFile),
                keystorePassword == null || keystorePassword.isEmpty() ? null : keystorePassword);
    }

    /** Reads {@code sfu.http.tls.certificate-file}, {@code .private-key-file}, {@code .keystore-file},
     * {@code .keystore-password}; all optional. */
    public static HttpsSettings fromConfig(Config config) {
        return of(ConfigValues.string(config, "sfu.http.tls.certificate-file"),
                ConfigValues.string(config, "sfu.http.tls.private-key-file"),
                ConfigValues.string(config, "sfu.http.tls.keystore-file"),
                config.hasPath("sfu.http.tls.keystore-password") ? config.getString("sfu.http.tls.keystore-password") : null);
    }

    public boolean isEnabled() {
        return certificateFile != null || keystoreFile != null;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        if (!isEnabled()) {
            return "HttpsSettings[disabled]";
        }
        return keystoreFile != null ? "HttpsSettings[pkcs12=" + keystoreFile + "]"
                : "HttpsSettings[certificate=" + certificateFile + ", key=" + privateKeyFile + "]";
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
