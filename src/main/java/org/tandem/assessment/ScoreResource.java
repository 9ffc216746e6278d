package org.tandem.assessment;

import java.util.List;

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
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.scheme.Scheme;
import org.tandem.scoring.Rounding;

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
        Pairing pairing = Pairing.require(pairingId);
        Scheme scheme;
        if (schemeId == null) {
            scheme = Scheme.latestPublished(pairing.program, year);
            if (scheme == null) {
                throw ProblemException.conflict("no-published-scheme",
                        "program " + pairing.program.code + " has no published scoring scheme for " + year);
            }
        } else {
            scheme = Scheme.findById(schemeId);
            if (scheme == null || !scheme.program.id.equals(pairing.program.id)) {
                throw ProblemException.invalid("scheme", "no scheme " + schemeId + " of program " + pairing.program.code);
            }
        }
        var adjustments = AssessmentRunner.adjustmentsOf(pairing.program, year);
        Assessor.Scored scored = assessor.score(scheme, List.of(pairingId), year, adjustments).get(pairingId);
        return new AssessmentViews.Score(pairingId, year, scheme.id, scheme.number, scored.inputsDigest(),
                scored.result(), Rounding.RULE);
    }
}
