package org.tandem.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.cache.ReadCache;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;
import org.tandem.registry.ReadScopes;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * Targets, actuals, their history and progress for one pairing in one year. Targets and actuals of a
 * pair-year share one ETag (the pair-year's version), so a bulk write based on a stale read gets 412.
 */
@Path("/api/v1/pairings/{id}/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Targets and actuals")
@Authenticated
class PairYearResource {

    @Inject
    Exports exports;

    private static final String BULK = " Bulk and all-or-nothing: every item is checked first (400 naming items[i].indicator "
            + "or items[i].value: unknown, inactive or duplicated indicator, negative value, more than 4 decimals) and "
            + "nothing is written unless all pass. Listed items are upserted; items not listed stay as they are; "
            + "an item with value null removes that value. Every change is kept in the history with the old and new "
            + "value, the actor and the reason, which is required "
            + "(400 naming reason) once the pair-year's actuals were ever submitted. The year must be within the "
            + "program's years (400 naming year).";

    @Inject
    PairYearValues values;
    @Inject
    PairYearProgress progress;
    @Inject
    ReadCache reads;

    @GET
    @Path("/targets")
    @Operation(summary = "Get a pairing's targets for a year")
    public RestResponse<TargetsView> getTargets(@PathParam("id") long id, @PathParam("year") int year) {
        return Versions.ok(values.targets(id, year));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @PUT
    @Path("/targets")
    @Transactional
    @Operation(summary = "Set some of a pairing's targets for a year", description = "Targets can be set for REPORTED "
            + "and DERIVED indicators, in any workflow state." + BULK)
    public RestResponse<TargetsView> putTargets(@PathParam("id") long id, @PathParam("year") int year,
            @Valid @NotNull ValuesInput body, @Context Request request) {
        return Versions.ok(values.writeTargets(id, year, body, request));
    }

    @GET
    @Path("/actuals")
    @Operation(summary = "Get a pairing's reported actuals for a year, with their workflow state")
    public RestResponse<ActualsView> getActuals(@PathParam("id") long id, @PathParam("year") int year) {
        return Versions.ok(values.actuals(id, year));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @PUT
    @Path("/actuals")
    @Transactional
    @Operation(summary = "Set some of a pairing's reported actuals for a year", description = "Only while the actuals "
            + "are DRAFT (409 actuals-locked once SUBMITTED or APPROVED); DERIVED indicators take no actual (400)."
            + BULK)
    public RestResponse<ActualsView> putActuals(@PathParam("id") long id, @PathParam("year") int year,
            @Valid @NotNull ValuesInput body, @Context Request request) {
        return Versions.ok(values.writeActuals(id, year, body, request));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @POST
    @Path("/actuals/submit")
    @Transactional
    @Operation(summary = "Submit the year's actuals for approval", description = "DRAFT → SUBMITTED, awaiting the first "
            + "level of the program's approval chain (by default PROVINCE alone: an assessor approves); 409 "
            + "submit-requires-draft otherwise, confirmation-required when the chain starts with PAIR_COUNTIES (each "
            + "county confirms instead). From then on every change of a value needs a reason.")
    public RestResponse<ActualsView> submitActuals(@PathParam("id") long id, @PathParam("year") int year,
            @Valid StepInput body, @Context Request request) {
        return Versions.ok(values.submit(id, year, body, request));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @POST
    @Path("/actuals/confirm")
    @Transactional
    @Operation(summary = "Confirm the year's actuals for one county of the pair", description = "For a program whose "
            + "approval chain starts with PAIR_COUNTIES: the industrial and the mountain county each confirm the DRAFT "
            + "actuals; once both have, they are SUBMITTED to the next level. A county editor confirms for its own "
            + "county (403 not-your-pairing for another pair, not-your-county when naming the other county); an admin "
            + "names the county (400). 409 confirmation-not-in-chain, confirm-requires-draft, already-confirmed. A "
            + "change of the actuals withdraws the confirmations given (history: WITHDRAW).")
    public RestResponse<ActualsView> confirmActuals(@PathParam("id") long id, @PathParam("year") int year,
            @Valid StepInput body, @Context Request request) {
        return Versions.ok(values.confirm(id, year, body, request));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR, Roles.CITY_REVIEWER })
    @POST
    @Path("/actuals/approve")
    @Transactional
    @Operation(summary = "Approve the year's submitted actuals at the level they await", description = "At CITY a city "
            + "reviewer approves for the pair's counties in its city (the city above each county approves; one "
            + "approval when both lie in the same city), 403 not-your-city otherwise; at PROVINCE an assessor. When "
            + "every side of the level has approved, the actuals await the next level, or are APPROVED after the last. "
            + "409 approve-requires-submitted unless SUBMITTED, awaiting-another-level when the caller's level's turn "
            + "has not come or has passed, already-approved; 403 not-your-level when the caller acts at no level of "
            + "the chain.")
    public RestResponse<ActualsView> approveActuals(@PathParam("id") long id, @PathParam("year") int year,
            @Valid StepInput body, @Context Request request) {
        return Versions.ok(values.approve(id, year, body, request));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR, Roles.CITY_REVIEWER })
    @POST
    @Path("/actuals/return")
    @Transactional
    @Operation(summary = "Return the year's actuals to the counties for correction", description = "SUBMITTED or "
            + "APPROVED → DRAFT, by the level the actuals await (APPROVED ones by the province), with the same "
            + "scope rules as approve; every approval in force is withdrawn and the counties confirm or submit again. "
            + "A comment saying why is required (400 naming comment); 409 return-requires-submitted from DRAFT.")
    public RestResponse<ActualsView> returnActuals(@PathParam("id") long id, @PathParam("year") int year,
            @Valid StepInput body, @Context Request request) {
        return Versions.ok(values.sendBack(id, year, body, request));
    }

    @GET
    @Path("/history")
    @Operation(summary = "History of a pair-year's targets, actuals and workflow steps", description = "Newest first "
            + "(sort -occurredAt, the default, or occurredAt); filter by indicator code and kind.")
    public PageOf<ChangeView> listHistory(@PathParam("id") long id, @PathParam("year") int year,
            @QueryParam("indicator") @Size(max = 48) String indicator, @QueryParam("kind") ChangeKind kind,
            @Valid @BeanParam PageRequest paging) {
        return values.history(id, year, indicator, kind, paging);
    }

    @NonBlocking
    @GET
    @Path("/progress")
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "Progress of a pair-year: target, actual and completion of every active indicator", description = "DERIVED actuals are computed live from the pair's projects and activities of the year; "
            + "REPORTED ones are the stored actuals whatever their workflow state (see actualsState). "
            + "Completion = actual / target (target / actual for LOWER_IS_BETTER), 4 decimals HALF_UP; absent "
            + "when the target is missing or zero or the actual is missing. Per track: indicators, how many "
            + "have a target, how many are completed (completion ≥ 1) and the mean completion. "
            + "Costs a fixed number of SQL statements.")
    public Uni<ProgressView> getProgress(@PathParam("id") long id, @PathParam("year") int year) {
        return reads.async(() -> {
            ReadScopes.recordsOfPairing(id);
            return progress.of(id, year);
        });
    }

    @GET
    @Path("/progress")
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportProgress(@PathParam("id") long id, @PathParam("year") int year,
            @BeanParam ExportRequest export) {
        return exports.sendAll(export, ProgressView.TABLE, Exports.fileName("pairing-" + id, year, "progress"),
                () -> progress.of(id, year).indicators());
    }

}
