package org.tandem.assessment;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.audit.Actor;
import org.tandem.problem.ProblemException;
import org.tandem.security.Roles;
import org.tandem.web.Filter;
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

    private static final String FETCH = "from AssessmentRun r join fetch r.program join fetch r.scheme";

    @Inject
    AssessmentRunner runner;
    @Inject
    Actor actor;
    @Inject
    RunLeases leases;

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Operation(summary = "Run the annual assessment of a program-year", description = "Scores every active pairing under the latest published scheme, in the background. While a run"
            + " of the program-year is under way, asking again returns that run; one whose service instance stopped"
            + " is marked FAILED and a new run starts. COMPUTED assessments are"
            + " replaced; FINALIZED ones are never touched. 409 no-published-scheme without a published scheme.")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the run", content = @Content(schema = @Schema(implementation = RunView.class)))
    public RestResponse<RunView> startRun(@Valid @NotNull RunRequest body) {
        AssessmentRunner.Started started = runner.start(body.program(), body.year(), actor.name());
        if (!started.alreadyRunning()) {
            runner.launch(started.run().id);
        }
        return RestResponse.ResponseBuilder.<RunView> accepted()
                .location(URI.create("/api/v1/assessment-runs/" + started.run().id))
                .entity(RunView.of(require(started.run().id))).build();
    }

    @GET
    @Operation(summary = "List assessment runs, newest first", description = "Filters: program, year.")
    public PageOf<RunView> listRuns(@QueryParam("program") String program, @QueryParam("year") Integer year,
            @Valid @BeanParam PageRequest paging) {
        Filter filter = new Filter().and("r.program.code = :program", "program", program).and("r.year = :year",
                "year", year);
        var query = AssessmentRun.<AssessmentRun> find(FETCH + filter.where(),
                paging.toSort(Map.of("id", "r.id"), "-id", "r.id"), filter.params()).page(paging.toPage());
        List<AssessmentRun> runs = query.list();
        runs.stream().filter(leases::settle).forEach(AssessmentRun.getEntityManager()::refresh);
        var items = runs.stream().map(RunView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, AssessmentRun.count("from AssessmentRun r" + filter.where(),
                filter.params()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an assessment run: status, counts and timings", description = "A run whose service instance stopped (killed, crashed, or shut down before the run could"
            + " finish) is FAILED, with the reason in error: at once after a restart on the embedded database, once"
            + " its lease (tandem.assessment.run-lease, 30 s) runs out on a shared PostgreSQL.")
    public RestResponse<RunView> getRun(@PathParam("id") long id) {
        AssessmentRun run = require(id);
        if (leases.settle(run)) {
            AssessmentRun.getEntityManager().refresh(run);
        }
        return Versions.ok(RunView.of(run));
    }

    private static AssessmentRun require(long id) {
        AssessmentRun run = AssessmentRun.find(FETCH + " where r.id = ?1", id).firstResult();
        if (run == null) {
            throw ProblemException.notFound("assessment run", id);
        }
        return run;
    }
}
