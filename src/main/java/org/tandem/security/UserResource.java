package org.tandem.security;

import java.net.URI;
import java.util.HashSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;
import org.tandem.problem.ProblemException;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@RolesAllowed(Roles.ADMIN)
public class UserResource {

    @Inject
    Exports exports;

    @Inject
    CountyDirectory counties;

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "List users of the built-in identity provider", description = "Sort by id (default) or username.")
    public PageOf<UserView> listUsers(@Valid @BeanParam PageRequest paging) {
        return UserView.list(paging);
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportUsers(@Valid @BeanParam PageRequest paging, @BeanParam ExportRequest export) {
        return exports.send(export, UserView.TABLE, Exports.datedFileName("users"), paging,
                batch -> UserView.list(batch).items());
    }

    @POST
    @Transactional
    @Operation(summary = "Create a user or a service account")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = UserView.class)))
    public RestResponse<UserView> createUser(@Valid @NotNull UserInput body) {
        if (body.password() == null) {
            throw ProblemException.invalid("password", "is required for a new user");
        }
        if (AppUser.findByUsername(body.username()) != null) {
            throw ProblemException.conflict("duplicate-username", "a user named " + body.username() + " exists");
        }
        AppUser user = new AppUser();
        apply(user, body);
        user.persistAndFlush();
        return Versions.created(URI.create("/api/v1/users/" + user.id), UserView.of(user));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a user")
    public RestResponse<UserView> getUser(@PathParam("id") long id) {
        AppUser user = require(id);
        return Versions.ok(UserView.of(user));
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Replace a user's roles, county, status or password", description = "Disabling a user refuses their tokens at once.")
    public RestResponse<UserView> updateUser(@PathParam("id") long id, @Valid @NotNull UserInput body,
            @Context Request request) {
        AppUser user = require(id);
        Versions.checkIfMatch(request, () -> UserView.of(user));
        if (!user.username.equals(body.username())) {
            throw ProblemException.conflict("username-immutable", "a username cannot change");
        }
        apply(user, body);
        user.persistAndFlush();
        return Versions.ok(UserView.of(user));
    }

    private void apply(AppUser user, UserInput body) {
        boolean editor = body.roles().contains(Roles.COUNTY_EDITOR);
        if (editor && body.county() == null) {
            throw ProblemException.invalid("county", "is required for a county editor");
        }
        if (!editor && body.county() != null) {
            throw ProblemException.invalid("county", "only a county editor is bound to a county");
        }
        if (body.county() != null && !counties.exists(body.county())) {
            throw ProblemException.invalid("county", "no county with code " + body.county());
        }
        boolean reviewer = body.roles().contains(Roles.CITY_REVIEWER);
        if (reviewer && body.city() == null) {
            throw ProblemException.invalid("city", "is required for a city reviewer");
        }
        if (!reviewer && body.city() != null) {
            throw ProblemException.invalid("city", "only a city reviewer is bound to a city");
        }
        if (body.city() != null && !counties.cityExists(body.city())) {
            throw ProblemException.invalid("city", "no city with code " + body.city());
        }
        user.username = body.username();
        user.displayName = body.displayName();
        user.kind = body.kind() == null ? UserKind.PERSON : body.kind();
        if (body.password() != null) {
            user.passwordHash = Passwords.hash(body.password());
        }
        user.roles = new HashSet<>(body.roles());
        user.countyCode = body.county();
        user.cityCode = body.city();
        user.enabled = body.enabled() == null || body.enabled();
    }

    private static AppUser require(long id) {
        AppUser user = AppUser.findById(id);
        if (user == null) {
            throw ProblemException.notFound("user", id);
        }
        return user;
    }
}
