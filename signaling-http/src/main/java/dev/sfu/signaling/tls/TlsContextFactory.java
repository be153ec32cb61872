package dev.sfu.signaling.tls;

import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Builds the server side TLS of the signaling port from {@link HttpsSettings}. Files are read once, at startup, so
 * a wrong path or password stops the node with a message naming it. Protocol versions and cipher suites are the
 * JDK's defaults (TLS 1.3 and 1.2).
 */
public final class TlsContextFactory {
    private TlsContextFactory() {
    }

    public static HttpsConnectionContext httpsServer(HttpsSettings settings) {
        return ConnectionContext.httpsServer(sslContext(settings));
    }

    public static SSLContext sslContext(HttpsSettings settings) {
        if (!settings.isEnabled()) {
            throw new IllegalArgumentException("no TLS certificate configured");
        }
        char[] password;
        KeyStore store;
        if (settings.keystoreFile() != null) {
            password = settings.keystorePassword() == null ? new char[0] : settings.keystorePassword().toCharArray();
            store = pkcs12(settings, password);
        } else {
            // The key store lives only in memory; its password just has to match below.
            password = UUID.randomUUID().toString().toCharArray();
            store = PemKeyStore.load(settings.certificateFile(), settings.privateKeyFile(), password);
        }
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS from " + settings + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore pkcs12(HttpsSettings settings, char[] password) {
        try (InputStream in = Files.newInputStream(settings.keystoreFile())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open the TLS keystore " + settings.keystoreFile()
                    + " (wrong password?): " + e.getMessage(), e);
        }
    }
}
