package fr.inclusion93.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens already verified, so that a client sending the same token request after request pays the RS256
 * signature check once, not each time (it was the largest cost of a request at the gateway). A token is kept until its
 * expiry (at most five minutes, then checked again), never past it; one that fails a check is never kept. The key
 * is the whole token: another token, even differing by one character, is verified afresh. What this gives up: a
 * verification key replaced while its tokens are still valid is noticed by those tokens only after five minutes.
 */
@Alternative
@Priority(1)
@ApplicationScoped
class VerifiedTokens implements JWTParser {

    private static final Duration LONGEST = Duration.ofMinutes(5);
    private static final int MOST_TOKENS = 10_000;

    private final JWTParser verifier;
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .executor(Runnable::run) // upkeep on the caller, not a wake-up of a common-pool thread every few reads
            .maximumSize(MOST_TOKENS)
            .expireAfter(new UntilExpiry())
            .build();

    VerifiedTokens(DefaultJWTParser verifier) {
        this.verifier = verifier;
    }

    /** A token stays until its exp claim, at most {@link #LONGEST}; reading it does not extend that. */
    private static final class UntilExpiry implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String key, JsonWebToken token, long currentTime) {
            long left = Math.min(token.getExpirationTime() * 1000 - System.currentTimeMillis(), LONGEST.toMillis());
            return Duration.ofMillis(Math.max(0, left)).toNanos();
        }

        @Override
        public long expireAfterUpdate(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = verifier.parse(token);
        verified.put(token, checked);
        return checked;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
