package org.tandem.security;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "User")
public record UserView(@Schema(required = true) long id, @Schema(required = true) String username, String displayName,
        @Schema(required = true) UserKind kind, @Schema(required = true) Set<String> roles, String county,
        @Schema(required = true) boolean enabled) {

    static UserView of(AppUser u) {
        return new UserView(u.id, u.username, u.displayName, u.kind, new TreeSet<>(u.roles), u.countyCode, u.enabled);
    }
}
