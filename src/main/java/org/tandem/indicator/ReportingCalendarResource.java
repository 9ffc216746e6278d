package org.tandem.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

/** A programme's reporting calendar of a year, and the submissions late or missing against it. */
@Path("/api/v1/programs/{code}/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reporting calendar")
@Authenticated
class ReportingCalendarResource {

    @Inject
    ReportingCalendar calendars;

    @GET
    @Path("/calendar")
    @Operation(summary = "Get a program's reporting periods of a year with their due dates")
    public RestResponse<CalendarView> getCalendar(@PathParam("code") String code, @PathParam("year") int year) {
        return Versions.ok(calendars.calendar(code, year));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/calendar")
    @Transactional
    @Operation(summary = "Set a program's reporting periods of a year", description = "Replaces them all. ANNUAL is "
            + "required (400 naming periods); optional H1, H2 and Q1–Q4 progress reports; each period once and due "
            + "on or after its first day (400 naming periods[i]). The year must be within the program's years (400).")
    public RestResponse<CalendarView> putCalendar(@PathParam("code") String code, @PathParam("year") int year,
            @Valid @NotNull CalendarView.Input body, @Context Request request) {
        return Versions.ok(calendars.replace(code, year, body, request));
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Late and missing submissions of a reporting period", description = "The active pairings "
            + "whose report came after the period's due date (LATE: first submitted after the end of that day, China "
            + "Standard Time) or has not come while the due date has passed (MISSING), by pairing. period defaults "
            + "to ANNUAL, whose report is the year's actuals (submitted, or confirmed by both counties where the "
            + "approval chain asks for that); the report of H1, H2 or Q1–Q4 is the pair-year's progress report of "
            + "that period (POST /pairings/{id}/years/{year}/periods/{period}/submit). Every active pairing owes "
            + "a report of every period of the calendar. 404 when the calendar has no such period. Filter by county "
            + "(either side) and status. Two SQL statements per page whatever its size.")
    public PageOf<OverdueView> listOverdue(@PathParam("code") String code, @PathParam("year") int year,
            @QueryParam("period") ReportingPeriodKind period,
            @QueryParam("county") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String county,
            @QueryParam("status") OverdueView.Status status, @Valid @BeanParam PageRequest paging) {
        return calendars.overdue(code, year, period, county, status, paging);
    }
}
