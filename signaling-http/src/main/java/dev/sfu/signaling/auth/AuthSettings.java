package dev.sfu.signaling.auth;

import com.nimbusds.jose.jwk.Curve;
import com.typesafe.config.Config;
import dev.sfu.signaling.ConfigValues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;

/**
 * How access tokens are verified: with an HS256 shared secret, or with an RSA (RS256) or EC P-256 (ES256) public
 * key, or not at all (open mode: every request is allowed, for local development only).
 *
 * @param hmacSecret the HS256 secret (at least 32 bytes of UTF-8), or null
 * @param publicKey  the RS256/ES256 verification key, or null
 * @param clockSkew  how far past {@code exp} (or before {@code nbf}) a token is still accepted
 */
public record AuthSettings(String hmacSecret, PublicKey publicKey, Duration clockSkew) {
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    /** HS256 needs a key as long as its hash (RFC 7518, 3.2). */
    public static final int MIN_SECRET_BYTES = 32;
    private static final int MIN_RSA_BITS = 2048;

    private static final AuthSettings OPEN = new AuthSettings(null, null, DEFAULT_CLOCK_SKEW);

    public AuthSettings {
        if (hmacSecret != null && publicKey != null) {
            throw new IllegalArgumentException("configure either an auth secret or an auth public key, not both");
        }
        if (hmacSecret != null && hmacSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the auth secret must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        if (publicKey != null) {
            checkPublicKey(publicKey);
        }
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must be zero or positive: " + clockSkew);
        }
    }

    /** No verification: every request passes (the node should warn loudly). */
    public static AuthSettings open() {
        return OPEN;
    }

    public static AuthSettings hs256(String secret) {
        return new AuthSettings(secret, null, DEFAULT_CLOCK_SKEW);
    }

    /** RS256 for an RSA key, ES256 for an EC P-256 key; {@code pem} is a PUBLIC KEY block or a certificate. */
    public static AuthSettings publicKeyPem(String pem) {
        return new AuthSettings(null, PublicKeyPem.parse(pem), DEFAULT_CLOCK_SKEW);
    }

    /**
     * From plain values, as a configuration holds them: blank or null means "not set". At most one of the secret,
     * the PEM text and the PEM file may be set; none set means open mode.
     */
    public static AuthSettings of(String secret, String publicKeyPem, String publicKeyFile, Duration clockSkew) {
        boolean hasSecret = isSet(secret);
        int keys = (hasSecret ? 1 : 0) + (isSet(publicKeyPem) ? 1 : 0) + (isSet(publicKeyFile) ? 1 : 0);
        if (keys > 1) {
            throw new IllegalArgumentException(
                    "configure only one of sfu.auth.secret, sfu.auth.public-key, sfu.auth.public-key-file");
        }
        Duration skew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        if (hasSecret) {
            return new AuthSettings(secret, null, skew);
        }
        if (isSet(publicKeyPem)) {
            return new AuthSettings(null, PublicKeyPem.parse(publicKeyPem), skew);
        }
        if (isSet(publicKeyFile)) {
            return new AuthSettings(null, PublicKeyPem.parse(read(Path.of(publicKeyFile))), skew);
        }
        return new AuthSettings(null, null, skew);
    }

    /** Reads {@code sfu.auth.secret}, {@code .public-key}, {@code .public-key-file}, {@code .clock-skew}; all optional. */
    public static AuthSettings fromConfig(Config config) {
        return of(ConfigValues.string(config, "sfu.auth.secret"),
                ConfigValues.string(config, "sfu.auth.public-key"),
                ConfigValues.string(config, "sfu.auth.public-key-file"),
                config.hasPath("sfu.auth.clock-skew") ? config.getDuration("sfu.auth.clock-skew") : null);
    }

    /** True when no key is configured and so the API is open to anyone. */
    public boolean isOpen() {
        return hmacSecret == null && publicKey == null;
    }

    /** The JWS algorithm tokens must carry: "HS256", "RS256", "ES256", or "none" in open mode. */
    public String algorithm() {
        if (hmacSecret != null) {
            return "HS256";
        }
        if (publicKey instanceof RSAPublicKey) {
            return "RS256";
        }
        return publicKey instanceof ECPublicKey ? "ES256" : "none";
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "AuthSettings[algorithm=" + algorithm() + ", clockSkew=" + clockSkew + "]";
    }

    private static void checkPublicKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException("the auth RSA public key must have at least " + MIN_RSA_BITS + " bits");
            }
        } else if (key instanceof ECPublicKey ec) {
            if (!Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
                throw new IllegalArgumentException("the auth EC public key must be on curve P-256 (ES256)");
            }
        } else {
            throw new IllegalArgumentException("the auth public key must be RSA (RS256) or EC P-256 (ES256), not "
                    + key.getAlgorithm());
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the auth public key file " + file + ": " + e, e);
        }
    }
}
