package org.tandem.assessment;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/v1/pairings/{pairingId}/years/{year}/score")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
@Authenticated
public class ScoreResource {

    @Inject
    Assessor assessor;

    @GET
    @Operation(summary = "A live what-if score of a pair-year with the full breakdown; nothing is saved", description = "Under the latest published scheme of the program-year, or under the scheme given (any version,"
            + " draft included, of the same program). Reviewer adjustments already recorded on the pair-year's"
            + " assessment count, so the score equals the assessment when nothing has changed since.")
    @APIResponse(responseCode = "200", description = "The score with its breakdown", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentViews.Score.class)))
    @APIResponse(responseCode = "409", description = "No published scheme for the program-year (no-published-scheme)", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public AssessmentViews.Score score(@PathParam("pairingId") long pairingId, @PathParam("year") int year,
            @QueryParam("scheme") @Parameter(description = "A scheme id; default the latest published") Long schemeId) {
        return assessor.whatIf(pairingId, year, schemeId);
    }
}
