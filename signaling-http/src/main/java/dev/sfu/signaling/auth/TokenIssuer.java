package dev.sfu.signaling.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** Signs HS256 access tokens with the shared secret the nodes verify them with. */
public final class TokenIssuer {
    private final MACSigner signer;
    private final Clock clock;

    public TokenIssuer(String secret, Clock clock) {
        AuthSettings.hs256(secret); // the same length rule the nodes apply
        try {
            this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable secret: " + e.getMessage(), e);
        }
        this.clock = clock;
    }

    /** A token for {@code room} ({@value AccessToken#ANY_ROOM}: every room) with {@code rights}, valid for {@code ttl}. */
    public String issue(String subject, String room, Collection<Right> rights, Duration ttl) {
        if (room == null || room.isBlank()) {
            throw new IllegalArgumentException("a token needs a room (or \"" + AccessToken.ANY_ROOM + "\")");
        }
        if (rights.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one right");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        Instant now = clock.instant();
        List<String> rightNames = EnumSet.copyOf(rights).stream().map(Right::wireName).toList();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim(TokenVerifier.ROOM_CLAIM, room)
                .claim(TokenVerifier.RIGHTS_CLAIM, rightNames)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }
}
