package org.tandem.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies bearer tokens from either of Tandem's two sources, chosen by the token's issuer: the built-in
 * provider (signed with the key in the database) and, when configured, the province's identity provider
 * (keys from its JWKS). Any other issuer is refused. Replaces smallrye-jwt's single-issuer parser.
 * <p>
 * A token once verified is remembered, by its exact text, until it expires: a client sends the same token
 * with every request, and checking its signature and claims again each time cost about a third of the CPU of
 * a small read. Only a byte-for-byte identical token is found in the cache, so nothing unverified gets in;
 * whether its user may still act is checked per request by {@link CurrentUserAugmentor}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TandemJwtParser implements JWTParser {

    private static final Logger LOG = Logger.getLogger(TandemJwtParser.class);

    @Inject
    SigningKeys keys;
    @Inject
    AuthConfig config;

    private final DefaultJWTParser unverified = new DefaultJWTParser();
    private volatile DefaultJWTParser builtin;
    private volatile DefaultJWTParser external;
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfter(Expiry.<String, JsonWebToken> creating((text, token) -> untilExpiry(token))).build();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && untilExpiry(known).toMillis() > 0) {
            return known;
        }
        JsonWebToken checked;
        try {
            checked = verify(token);
        } catch (ParseException | RuntimeException e) {
            // Anyone can send anything as a token: one line, no stack trace, never the token itself.
            LOG.infof("Refused a bearer token: %s", reason(e));
            throw e instanceof ParseException parse ? parse : new ParseException("the token is not a valid JWT", e);
        }
        verified.put(token, checked);
        return checked;
    }

    private static String reason(Exception e) {
        String message = e instanceof ParseException && e.getMessage() != null ? e.getMessage()
                : "not a valid JWT (" + e.getClass().getSimpleName() + ")";
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static Duration untilExpiry(JsonWebToken token) {
        return Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
    }

    private JsonWebToken verify(String token) throws ParseException {
        JsonWebToken claims = unverified.parseOnly(token);
        if (claims == null) {
            throw new ParseException("not a JWT");
        }
        String issuer = claims.getIssuer();
        if (config.builtin().enabled() && config.builtin().issuer().equals(issuer)) {
            return builtin().parse(token);
        }
        if (issuer != null && config.external().issuer().filter(issuer::equals).isPresent()) {
            return external().parse(token);
        }
        throw new ParseException("the token's issuer is not trusted");
    }

    private DefaultJWTParser builtin() {
        if (builtin == null) {
            JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKey(), config.builtin().issuer());
            context.setClockSkew((int) config.clockSkew().toSeconds());
            builtin = new DefaultJWTParser(context);
        }
        return builtin;
    }

    private DefaultJWTParser external() throws ParseException {
        if (external == null) {
            JWTAuthContextInfo context = new JWTAuthContextInfo();
            context.setIssuedBy(config.external().issuer().orElseThrow());
            context.setPublicKeyLocation(config.external().jwksUrl()
                    .orElseThrow(() -> new ParseException("tandem.auth.external.jwks-url is not configured")));
            context.setGroupsPath(config.external().rolesClaim());
            context.setClockSkew((int) config.clockSkew().toSeconds());
            external = new DefaultJWTParser(context);
        }
        return external;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return new DefaultJWTParser(context).parse(token);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return unverified.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return unverified.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return unverified.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return unverified.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return unverified.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return unverified.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return unverified.parseOnly(token);
    }
}
