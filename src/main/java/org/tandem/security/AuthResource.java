package org.tandem.security;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.problem.ProblemException;

import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

    @Inject
    Sessions sessions;
    @Inject
    AuthConfig config;
    @Inject
    Logins logins;
    @Inject
    LoginLimits limits;

    @Schema(name = "TokenRequest")
    public record TokenRequest(@NotBlank @Size(max = 100) @Schema(required = true, examples = "admin") String username,
            @NotBlank @Size(max = 200) @Schema(required = true) String password) {
    }

    @Schema(name = "Token")
    public record Token(@Schema(required = true) String accessToken,
            @Schema(required = true, examples = "Bearer") String tokenType,
            @Schema(required = true, description = "Seconds until it expires") long expiresIn,
            @Schema(required = true, description = "Opaque; send it to POST /api/v1/auth/refresh for a new pair. Usable once.") String refreshToken,
            @Schema(required = true, description = "Seconds until the refresh token expires") long refreshExpiresIn) {
    }

    @Schema(name = "RefreshRequest")
    public record RefreshRequest(@NotBlank @Size(max = 200) @Schema(required = true) String refreshToken) {
    }

    @POST
    @Path("/token")
    @PermitAll
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "A token", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Token.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password, or the account is locked for a while", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "429", description = "Too many login attempts for this username or from this address, or too many at once", headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(summary = "Get a short-lived bearer token from the built-in identity provider", description = "For people and service accounts. After repeated failures the account is locked for a while;"
            + " the answer is then the same 401 as for a wrong password or an unknown user. Attempts are limited per"
            + " username and per client address (429 with Retry-After).")
    public Token issueToken(@Valid @NotNull TokenRequest body, @Context HttpServerRequest request) {
        if (!config.builtin().enabled()) {
            throw new ProblemException(404, "not-found", "Not found", "the built-in identity provider is off", null);
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        Logins.Account user = limits.limit(body.username(), address, Logins.Account.class,
                () -> logins.authenticate(body.username(), body.password()));
        return sessions.issue(user);
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "A new token pair; the refresh token sent is used up", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Token.class)))
    @APIResponse(responseCode = "401", description = "The refresh token is unknown, expired or used, or its user was disabled or changed", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(summary = "Renew a session without the password", description = "Takes the refresh token issued with the last"
            + " token pair and answers a new pair. Each refresh token works once; presenting a used one again ends every"
            + " session of that login. Refused once the user is disabled or their password, roles or county changed.")
    public Token refreshToken(@Valid @NotNull RefreshRequest body) {
        if (!config.builtin().enabled()) {
            throw new ProblemException(404, "not-found", "Not found", "the built-in identity provider is off", null);
        }
        return sessions.refresh(body.refreshToken());
    }
}
