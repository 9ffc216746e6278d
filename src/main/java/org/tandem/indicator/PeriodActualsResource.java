package org.tandem.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.security.Roles;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

/** A pair-year's progress report of one period of the programme's reporting calendar (H1, H2, Q1–Q4). */
@Path("/api/v1/pairings/{id}/years/{year}/periods/{period}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Targets and actuals")
@Authenticated
class PeriodActualsResource {

    private static final String RULES = " The period is H1, H2 or Q1–Q4 (400 naming period; ANNUAL values are the "
            + "year's actuals) and must be in the programme's calendar of the year (404). Period values are progress "
            + "only: they never change scoring, assessments and what-ifs read the annual actuals.";

    @Inject
    PeriodActuals periods;

    @GET
    @Operation(summary = "Get a pairing's progress report of a period", description = "The values of the indicators "
            + "reported in the period's granularity: an indicator reported per QUARTER takes Q1–Q4 values, one "
            + "reported per HALF_YEAR H1 and H2 values." + RULES)
    public RestResponse<PeriodReportView> getPeriod(@PathParam("id") long id, @PathParam("year") int year,
            @PathParam("period") String period) {
        return Versions.ok(periods.report(id, year, period));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @PUT
    @Transactional
    @Operation(summary = "Set some values of a pairing's progress report of a period", description = "Bulk and "
            + "all-or-nothing, like the annual actuals: every item is checked first (400 naming items[i].indicator "
            + "or items[i].value: unknown or duplicated indicator, one not reported in this period's granularity, an "
            + "inactive one, negative value, more than 4 decimals) and nothing is written unless all pass. Listed "
            + "items are upserted, items not listed stay, value null removes one. Every change is kept in the "
            + "pair-year's history with its period; once the report was submitted a reason is required (400 naming "
            + "reason). County editors of the pair's counties and admins; If-Match as the GET's ETag (412)." + RULES)
    public RestResponse<PeriodReportView> putPeriod(@PathParam("id") long id, @PathParam("year") int year,
            @PathParam("period") String period, @Valid @NotNull ValuesInput body, @Context Request request) {
        return Versions.ok(periods.write(id, year, period, body, request));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @POST
    @Path("/submit")
    @Transactional
    @Operation(summary = "Submit a pairing's progress report of a period", description = "Records when it was "
            + "submitted: the first submission is the one the reporting calendar checks against the due date "
            + "(overdue LATE or MISSING); a later one is kept as lastSubmittedAt. Values stay editable, with a reason. "
            + "If-Match as the GET's ETag (412)." + RULES)
    public RestResponse<PeriodReportView> submitPeriod(@PathParam("id") long id, @PathParam("year") int year,
            @PathParam("period") String period, @Valid PeriodSubmitInput body, @Context Request request) {
        return Versions.ok(periods.submit(id, year, period, body, request));
    }
}
