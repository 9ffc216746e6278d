package org.tandem.security;

import java.time.OffsetDateTime;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditLog;
import org.tandem.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.build.Jwt;

@Path("/api/v1/auth/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

    @Inject
    SigningKeys keys;
    @Inject
    AuthConfig config;
    @Inject
    AuditLog audit;

    @Schema(name = "TokenRequest")
    public record TokenRequest(@NotBlank @Size(max = 100) @Schema(required = true, examples = "admin") String username,
            @NotBlank @Size(max = 200) @Schema(required = true) String password) {
    }

    @Schema(name = "Token")
    public record Token(@Schema(required = true) String accessToken,
            @Schema(required = true, examples = "Bearer") String tokenType,
            @Schema(required = true, description = "Seconds until it expires") long expiresIn) {
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "A token", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Token.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password, or the account is locked for a while", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(summary = "Get a short-lived bearer token from the built-in identity provider", description = "For people and service accounts. After repeated failures the account is locked for a while;"
            + " the answer is then the same 401 as for a wrong password.")
    public Token issueToken(@Valid @NotNull TokenRequest body) {
        if (!config.builtin().enabled()) {
            throw new ProblemException(404, "not-found", "Not found", "the built-in identity provider is off", null);
        }
        AppUser user = QuarkusTransaction.requiringNew().call(() -> check(body));
        if (user == null) {
            audit.record("LOGIN_FAILED", "AppUser", null, null, null, body.username());
            throw new ProblemException(401, "invalid-credentials", "Unauthorized",
                    "wrong username or password, or the account is locked for a while", null);
        }
        long lifetime = config.builtin().tokenLifetime().toSeconds();
        var claims = Jwt.issuer(config.builtin().issuer()).upn(user.username).subject(String.valueOf(user.id))
                .groups(user.roles).expiresIn(lifetime);
        if (user.countyCode != null) {
            claims.claim(CurrentUserAugmentor.COUNTY, user.countyCode);
        }
        String token = claims.jws().keyId(keys.kid()).sign(keys.privateKey());
        return new Token(token, "Bearer", lifetime);
    }

    /** The user if the password is right and the account usable; counts failures and locks after too many. */
    private AppUser check(TokenRequest body) {
        AppUser user = AppUser.findByUsername(body.username());
        OffsetDateTime now = OffsetDateTime.now();
        boolean right = Passwords.matches(body.password(), user == null ? null : user.passwordHash);
        if (user == null) {
            return null;
        }
        if (!user.enabled || user.isLocked(now)) {
            return null;
        }
        if (!right) {
            user.failedLogins++;
            if (user.failedLogins >= config.maxFailedLogins()) {
                user.lockedUntil = now.plus(config.lockDuration());
                user.failedLogins = 0;
            }
            return null;
        }
        user.failedLogins = 0;
        user.lockedUntil = null;
        user.roles.size();
        return user;
    }
}
