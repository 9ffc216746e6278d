package org.tandem.assessment;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.MediaType;
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
import org.tandem.security.Actor;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/assessment-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment runs")
@Authenticated
public class AssessmentRunResource {

    @Inject
    Exports exports;

    @Inject
    AssessmentRunner runner;
    @Inject
    Actor actor;

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Operation(summary = "Run the annual assessment of a program-year", description = "Scores every active pairing under the latest published scheme, in the background. While a run"
            + " of the program-year is under way, asking again returns that run; one whose service instance stopped"
            + " is marked FAILED and a new run starts. COMPUTED assessments are"
            + " replaced; FINALIZED ones are never touched. 409 no-published-scheme without a published scheme.")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the run", content = @Content(schema = @Schema(implementation = RunView.class)))
    public RestResponse<RunView> startRun(@Valid @NotNull RunRequest body) {
        AssessmentRun run = runner.request(body.program(), body.year(), actor.name()).run();
        return RestResponse.ResponseBuilder.<RunView> accepted()
                .location(URI.create("/api/v1/assessment-runs/" + run.id)).entity(RunView.of(run)).build();
    }

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "List assessment runs, newest first", description = "Filters: program, year.")
    public PageOf<RunView> listRuns(@QueryParam("program") String program, @QueryParam("year") Integer year,
            @Valid @BeanParam PageRequest paging) {
        return runner.list(program, year, paging);
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportRuns(@QueryParam("program") String program, @QueryParam("year") Integer year,
            @Valid @BeanParam PageRequest paging, @BeanParam ExportRequest export) {
        return exports.send(export, RunView.TABLE, Exports.datedFileName(program, year, "assessment-runs"), paging,
                batch -> runner.list(program, year, batch).items());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an assessment run: status, counts and timings", description = "A run whose service instance stopped (killed, crashed, or shut down before the run could"
            + " finish) is FAILED, with the reason in error: at once after a restart on the embedded database, once"
            + " its lease (tandem.assessment.run-lease, 30 s) runs out on a shared PostgreSQL.")
    public RestResponse<RunView> getRun(@PathParam("id") long id) {
        AssessmentRun run = runner.find(id);
        return Versions.ok(RunView.of(run));
    }
}
