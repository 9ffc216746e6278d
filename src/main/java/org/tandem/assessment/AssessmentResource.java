package org.tandem.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.tandem.problem.ProblemException;
import org.tandem.scoring.Ranking;
import org.tandem.security.Roles;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
@Authenticated
public class AssessmentResource {

    @Inject
    Exports exports;

    @Inject
    Assessments assessments;
    @Inject
    ReadCache reads;

    @NonBlocking
    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "The ranking of a program-year", description = "Sorted by rank; program and year are required.")
    public Uni<AssessmentViews.Ranking> listAssessments(@QueryParam("program") String program,
            @QueryParam("year") Integer year, @Valid @BeanParam PageRequest paging) {
        return reads.async(() -> {
            if (program == null) {
                throw ProblemException.invalid("program", "is required");
            }
            if (year == null) {
                throw ProblemException.invalid("year", "is required");
            }
            return Rankings.page(program, year, paging.page, paging.size);
        });
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportAssessments(@QueryParam("program") String program, @QueryParam("year") Integer year,
            @BeanParam ExportRequest export) {
        if (program == null) {
            throw ProblemException.invalid("program", "is required");
        }
        if (year == null) {
            throw ProblemException.invalid("year", "is required");
        }
        return exports.send(export, AssessmentViews.RANKING, Exports.fileName(program, year, "ranking"), null,
                batch -> Rankings.page(program, year, batch.page, batch.size).items());
    }

    @NonBlocking
    @GET
    @Path("/{id}")
    @Operation(summary = "An assessment with every indicator's target, actual, ratio, points and rule")
    public Uni<RestResponse<AssessmentViews.Detail>> getAssessment(@PathParam("id") long id) {
        return reads.async(() -> {
            Assessment assessment = assessments.require(id);
            AssessmentScopes.of(assessment);
            return assessments.detail(assessment);
        }).map(Versions::ok);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/{id}/adjustments")
    @Transactional
    @Operation(summary = "Add a reviewer's bonus, deduction or veto with a reason", description = "The item must be one of the scheme's; points may not exceed the item's cap (0 for a veto)."
            + " The assessment is scored again at once; the scheme's total caps apply.")
    public RestResponse<AssessmentViews.Detail> addAdjustment(@PathParam("id") long id,
            @Valid @NotNull AssessmentViews.AdjustmentInput body, @Context Request request) {
        Assessment assessment = assessments.require(id);
        Versions.checkIfMatch(request, () -> assessments.detail(assessment));
        AssessmentViews.Detail detail = assessments.adjust(assessment, body);
        return Versions.ok(detail);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/{id}/finalize")
    @Transactional
    @Operation(summary = "Finalize an assessment", description = "Freezes it and locks the pair's targets, actuals and records of that year (409 locked-by-finalized-assessment).")
    public RestResponse<AssessmentViews.Detail> finalizeAssessment(@PathParam("id") long id, @Context Request request) {
        Assessment assessment = assessments.require(id);
        Versions.checkIfMatch(request, () -> assessments.detail(assessment));
        AssessmentViews.Detail detail = assessments.finalizeAssessment(assessment);
        return Versions.ok(detail);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/{id}/reopen")
    @Transactional
    @Operation(summary = "Reopen a finalized assessment with a reason", description = "The finalized result is kept as a revision; the pair's data of the year is unlocked.")
    public RestResponse<AssessmentViews.Detail> reopenAssessment(@PathParam("id") long id,
            @Valid @NotNull AssessmentViews.ReopenInput body, @Context Request request) {
        Assessment assessment = assessments.require(id);
        Versions.checkIfMatch(request, () -> assessments.detail(assessment));
        AssessmentViews.Detail detail = assessments.reopen(assessment, body);
        return Versions.ok(detail);
    }
}
