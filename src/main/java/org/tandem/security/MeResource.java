package org.tandem.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Who the caller is, as the service sees them: what a front end shows and decides its menus by. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
@Authenticated
public class MeResource {

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    AuthConfig config;

    @Schema(name = "Me")
    public record Me(@Schema(required = true) String username, String displayName,
            @Schema(description = "For users of the built-in provider") UserKind kind,
            @Schema(required = true) Set<String> roles,
            @Schema(description = "The county a county editor is bound to") String county,
            @Schema(description = "The city a city reviewer is bound to") String city,
            @Schema(required = true, description = "When the token of this request expires") OffsetDateTime tokenExpiresAt) {
    }

    @GET
    @Operation(summary = "The caller: user, display name, kind, roles, county and when their token expires", description = "Roles"
            + " and county as they apply now, which for the built-in provider may have changed since the token was issued.")
    public Me getMe() {
        String county = identity.getAttribute(CurrentUserAugmentor.COUNTY);
        OffsetDateTime expires = OffsetDateTime.ofInstant(Instant.ofEpochSecond(token.getExpirationTime()),
                ZoneOffset.UTC);
        String displayName;
        UserKind kind = null;
        if (config.builtin().issuer().equals(token.getIssuer())) {
            AppUser user = AppUser.findByUsername(token.getName());
            displayName = user == null ? null : user.displayName;
            kind = user == null ? null : user.kind;
        } else {
            displayName = token.getClaim("name");
        }
        return new Me(token.getName(), displayName, kind, new TreeSet<>(identity.getRoles()), county,
                identity.getAttribute(CurrentUserAugmentor.CITY), expires);
    }
}
