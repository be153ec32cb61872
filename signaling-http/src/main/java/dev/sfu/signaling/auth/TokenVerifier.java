package dev.sfu.signaling.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sfu.signaling.api.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a compact JWS bearer token and reads its claims. A token must be signed with the one configured
 * algorithm (no "none", no algorithm switching), carry {@code exp}, and name a {@code room} and its
 * {@code rights}. Every failure is an {@link ApiException} 401 that says what is wrong, never why a signature
 * failed in detail.
 */
public final class TokenVerifier {
    public static final String ROOM_CLAIM = "room";
    public static final String RIGHTS_CLAIM = "rights";

    private final JWSAlgorithm algorithm;
    private final JWSVerifier verifier;
    private final AuthSettings settings;
    private final Clock clock;

    public TokenVerifier(AuthSettings settings, Clock clock) {
        if (settings.isOpen()) {
            throw new IllegalArgumentException("no key configured: nothing to verify tokens with");
        }
        this.settings = settings;
        this.clock = clock;
        this.algorithm = JWSAlgorithm.parse(settings.algorithm());
        this.verifier = verifierFor(settings);
    }

    public AccessToken verify(String compact) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(compact);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw unauthorized("malformed token");
        }
        if (!algorithm.equals(jwt.getHeader().getAlgorithm())) {
            throw unauthorized("token algorithm " + jwt.getHeader().getAlgorithm() + " not accepted; expected " + algorithm);
        }
        if (!verifySignature(jwt)) {
            throw unauthorized("invalid token signature");
        }
        Instant expiresAt = checkTimes(claims);
        String id = claims.getJWTID() != null ? "jti:" + claims.getJWTID() : "sig:" + jwt.getSignature();
        return new AccessToken(id, claims.getSubject(), room(claims), rights(claims), expiresAt);
    }

    private boolean verifySignature(SignedJWT jwt) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private Instant checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw unauthorized("token has no expiry (exp)");
        }
        if (exp.toInstant().plus(settings.clockSkew()).isBefore(now)) {
            throw unauthorized("token expired at " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(settings.clockSkew()).isAfter(now)) {
            throw unauthorized("token not valid before " + nbf.toInstant());
        }
        return exp.toInstant();
    }

    private static String room(JWTClaimsSet claims) {
        String room;
        try {
            room = claims.getStringClaim(ROOM_CLAIM);
        } catch (ParseException e) {
            throw unauthorized("token claim 'room' must be a string");
        }
        if (room == null || room.isBlank()) {
            throw unauthorized("token has no 'room' claim");
        }
        return room;
    }

    private static Set<Right> rights(JWTClaimsSet claims) {
        List<String> names;
        try {
            names = claims.getStringListClaim(RIGHTS_CLAIM);
        } catch (ParseException e) {
            throw unauthorized("token claim 'rights' must be an array of strings");
        }
        if (names == null) {
            throw unauthorized("token has no 'rights' claim");
        }
        Set<Right> rights = EnumSet.noneOf(Right.class);
        for (String name : names) {
            rights.add(Right.fromWireName(name).orElseThrow(() -> unauthorized("token names an unknown right '"
                    + name + "' (expected publish, subscribe or admin)")));
        }
        return rights;
    }

    private static JWSVerifier verifierFor(AuthSettings settings) {
        try {
            if (settings.hmacSecret() != null) {
                return new MACVerifier(settings.hmacSecret().getBytes(StandardCharsets.UTF_8));
            }
            if (settings.publicKey() instanceof RSAPublicKey rsa) {
                return new RSASSAVerifier(rsa);
            }
            return new ECDSAVerifier((ECPublicKey) settings.publicKey());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable auth key: " + e.getMessage(), e);
        }
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }
}
