package org.tandem.assessment;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.problem.ProblemException;
import org.tandem.web.Versions;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;

@Path("/api/v1/score-breakdowns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
@Authenticated
public class ScoreBreakdownResource {

    @Inject
    ObjectMapper json;

    @GET
    @Path("/{id}")
    @Operation(summary = "A breakdown an assessment held, current or earlier", description = "Breakdowns are never"
            + " changed or deleted: an assessment's audit events name the breakdown before and after each change by"
            + " this id, and an assessment names its current one as breakdownId. Its ETag never changes.")
    public RestResponse<AssessmentViews.BreakdownView> getScoreBreakdown(@PathParam("id") long id) {
        ScoreBreakdown breakdown = ScoreBreakdown.findById(id);
        if (breakdown == null) {
            throw ProblemException.notFound("score breakdown", id);
        }
        return Versions.ok(new AssessmentViews.BreakdownView(breakdown.id, breakdown.digest, breakdown.createdAt,
                breakdown.result(json)));
    }
}
