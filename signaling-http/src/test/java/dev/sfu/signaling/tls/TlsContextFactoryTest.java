package dev.sfu.signaling.tls;

import dev.sfu.signaling.TestHttpServer;
import dev.sfu.signaling.TestHttpServer.Reply;
import dev.sfu.signaling.auth.AuthSettings;
import dev.sfu.signaling.auth.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTPS and WSS on the signaling port with a certificate made in the test. */
class TlsContextFactoryTest {
    private static SelfSignedCertificate certificate;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = new SelfSignedCertificate();
    }

    @Test
    void servesHttpsAndWssWithAPemCertificateAndKey() throws Exception {
        HttpsSettings https = HttpsSettings.pem(certificate.writeCertificatePem(dir.resolve("cert.pem")),
                certificate.writePrivateKeyPem(dir.resolve("key.pem")));

        try (TestHttpServer server = new TestHttpServer(TestHttpServer.SETTINGS.withHttps(https),
                Clock.systemUTC(), certificate.clientTrust())) {
            assertTrue(server.uri("/").toString().startsWith("https://127.0.0.1:"));
            Reply reply = server.get("/api/sfu-nodes");
            assertEquals(200, reply.status(), reply.body());
            assertEquals("sfu1", reply.json().get(0).get("id").asText());

            assertTrue(helloOver(server, server.wsUri("/ws?room=r1")).contains("\"hello\""));
        }
    }

    @Test
    void servesHttpsWithAPkcs12Keystore() throws Exception {
        HttpsSettings https = HttpsSettings.pkcs12(certificate.writePkcs12(dir.resolve("server.p12"), "s3cret"), "s3cret");

        try (TestHttpServer server = new TestHttpServer(TestHttpServer.SETTINGS.withHttps(https),
                Clock.systemUTC(), certificate.clientTrust())) {
            assertEquals(200, server.get("/api/stats").status());
        }
    }

    @Test
    void tokensTravelOverWss() throws Exception {
        HttpsSettings https = HttpsSettings.pem(certificate.writeCertificatePem(dir.resolve("cert.pem")),
                certificate.writePrivateKeyPem(dir.resolve("key.pem")));
        String token = TestTokens.hs256("r1", List.of("subscribe"), Instant.now().plusSeconds(3600));

        try (TestHttpServer server = new TestHttpServer(TestHttpServer.SETTINGS.withHttps(https)
                .withAuth(AuthSettings.hs256(TestTokens.SECRET)), Clock.systemUTC(), certificate.clientTrust())) {
            assertTrue(helloOver(server, server.wsUri("/ws?room=r1&token=" + token)).contains("\"hello\""));
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
        HttpsSettings https = HttpsSettings.pem(certificate.writeCertificatePem(dir.resolve("cert.pem")),
                certificate.writePrivateKeyPem(dir.resolve("key.pem")));

        try (TestHttpServer server = new TestHttpServer(TestHttpServer.SETTINGS.withHttps(https),
                Clock.systemUTC(), certificate.clientTrust())) {
            HttpClient stranger = HttpClient.newBuilder().sslContext(SSLContext.getDefault())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(server.uri("/api/stats")).timeout(Duration.ofSeconds(10)).build();

            IOException failure = assertThrows(IOException.class, () -> stranger.send(request, HttpResponse.BodyHandlers.ofString()));
            assertTrue(failure instanceof SSLHandshakeException || failure.getCause() instanceof SSLHandshakeException, failure.toString());
        }
    }

    @Test
    void readsTraditionalRsaAndEcKeysToo() throws Exception {
        for (String algorithm : new String[]{"RSA", "EC"}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(algorithm.equals("RSA") ? 2048 : 256);
            SelfSignedCertificate own = new SelfSignedCertificate(generator.generateKeyPair());
            Path key = own.writeTraditionalPrivateKeyPem(dir.resolve(algorithm + "-key.pem"));

            assertTrue(Files.readString(key).startsWith("-----BEGIN " + algorithm + " PRIVATE KEY-----"), Files.readString(key));

            TlsContextFactory.sslContext(HttpsSettings.pem(own.writeCertificatePem(dir.resolve(algorithm + "-cert.pem")), key));
        }
    }

    @Test
    void badFilesAreNamedAtStartup() throws Exception {
        Path cert = certificate.writeCertificatePem(dir.resolve("cert.pem"));
        Path key = certificate.writePrivateKeyPem(dir.resolve("key.pem"));
        Path p12 = certificate.writePkcs12(dir.resolve("server.p12"), "right");
        Path notAKey = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        Path otherKey = new SelfSignedCertificate().writePrivateKeyPem(dir.resolve("other-key.pem"));

        assertMessage(HttpsSettings.pem(dir.resolve("missing.pem"), key), "missing.pem");
        assertMessage(HttpsSettings.pem(cert, notAKey), "no private key in");
        assertMessage(HttpsSettings.pkcs12(p12, "wrong"), "wrong password?");
        assertMessage(HttpsSettings.pem(cert, otherKey), "does not belong to the certificate");
        assertMessage(HttpsSettings.DISABLED, "no TLS certificate configured");
    }

    private static void assertMessage(HttpsSettings settings, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsContextFactory.sslContext(settings));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static String helloOver(TestHttpServer server, URI uri) throws Exception {
        CompletableFuture<String> hello = new CompletableFuture<>();
        WebSocket socket = server.client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                hello.complete(data.toString());
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        try {
            return hello.get(10, TimeUnit.SECONDS);
        } finally {
            socket.abort();
        }
    }
}
