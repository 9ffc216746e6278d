package org.tandem.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.cache.ReadCache;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/programs/{code}/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@Authenticated
public class ProgramSummaryResource {

    private static final String YEAR = "A year of the programme; absent: every year of the programme, as a series";
    private static final String GROUP_BY = "program (default), track, city (of the pair's mountain county) or pairing;"
            + " a county editor's groupBy=pairing shows only the pairs of their county";

    @Inject
    ProgramSummaries summaries;
    @Inject
    ReadCache reads;
    @Inject
    Exports exports;
    @Inject
    ReportAccess access;

    @NonBlocking
    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "A programme's figures summed over its pairs, by year", description = "Projects by lifecycle step and track,"
            + " activities by kind, park coverage, targets and actuals per indicator with completion, the workflow state of"
            + " the actuals, grades, mean and median scores overall and per track, (groupBy=pairing) the move in rank, and the"
            + " funding ledger's sums (allocated, disbursed, clawed back, balance)."
            + " Each figure is one grouped SQL statement whatever the number of pairs; asOf says when they were read.")
    public Uni<ProgramSummary> programSummary(@PathParam("code") String code,
            @QueryParam("year") @Parameter(description = YEAR) Integer year,
            @QueryParam("groupBy") @Parameter(description = GROUP_BY, schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "program", "track", "city", "pairing" })) String groupBy) {
        String ownCounty = access.ownCounty();
        return reads.async(() -> summaries.summary(code, year, GroupBy.named(groupBy), ownCounty));
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportProgramSummary(@PathParam("code") String code, @QueryParam("year") Integer year,
            @QueryParam("groupBy") String groupBy, @BeanParam ExportRequest export) {
        GroupBy grouping = GroupBy.named(groupBy);
        String ownCounty = access.ownCounty();
        return exports.sendAll(export, ProgramSummary.TABLE, Exports.fileName(code, year, "summary",
                grouping.parameter()), () -> summaries.summary(code, year, grouping, ownCounty).rows());
    }
}
