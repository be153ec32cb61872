package dev.sfu.signaling.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Signs tokens of any shape for tests, including shapes {@link TokenIssuer} refuses to make. */
public final class TestTokens {
    public static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
    public static final String OTHER_SECRET = "another-secret-that-is-long-enough-for-hs256";

    private TestTokens() {
    }

    public static JWTClaimsSet.Builder claims(String room, List<String> rights, Instant exp) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("tester");
        if (room != null) {
            claims.claim(TokenVerifier.ROOM_CLAIM, room);
        }
        if (rights != null) {
            claims.claim(TokenVerifier.RIGHTS_CLAIM, rights);
        }
        if (exp != null) {
            claims.expirationTime(Date.from(exp));
        }
        return claims;
    }

    public static String hs256(String secret, JWTClaimsSet claims) {
        try {
            return sign(JWSAlgorithm.HS256, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), claims);
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    public static String hs256(String room, List<String> rights, Instant exp) {
        return hs256(SECRET, claims(room, rights, exp).build());
    }

    public static String es256(KeyPair pair, JWTClaimsSet claims) {
        try {
            return sign(JWSAlgorithm.ES256, new ECDSASigner((ECPrivateKey) pair.getPrivate()), claims);
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    public static String rs256(KeyPair pair, JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS256, new RSASSASigner((RSAPrivateKey) pair.getPrivate()), claims);
    }

    public static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The key as an openssl-style "PUBLIC KEY" PEM block. */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String sign(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
        return jwt.serialize();
    }
}
