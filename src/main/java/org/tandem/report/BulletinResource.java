package org.tandem.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.cache.ReadCache;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/programs/{code}/years/{year}/bulletin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@Authenticated
public class BulletinResource {

    @Inject
    Bulletins bulletins;
    @Inject
    BulletinPage page;
    @Inject
    ReadCache reads;
    @Inject
    Exports exports;

    @NonBlocking
    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "The annual bulletin (考核通报) of a programme-year", description = "The ranking with grades and track points,"
            + " the pairs leading each track, the pairs below the pass mark with the reasons from their breakdowns, and the"
            + " programme's totals. provisional and each line's isFinal say whether assessments are final; exampleScheme"
            + " whether the scheme is only an example. 404 when no assessment of the year has been computed.")
    public Uni<Bulletin> bulletin(@PathParam("code") String code, @PathParam("year") int year) {
        return reads.async(() -> bulletins.bulletin(code, year));
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportBulletin(@PathParam("code") String code, @PathParam("year") int year,
            @BeanParam ExportRequest export) {
        Bulletin bulletin = bulletins.bulletin(code, year);
        return exports.sendAll(export, Bulletin.table(bulletin.tracks(), bulletin.exampleScheme()),
                Exports.fileName(code, year, "bulletin"), bulletin::ranking);
    }

    @GET
    @Path("/print")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The annual bulletin as a printable page in Chinese", description = "Server-rendered HTML (UTF-8) that a"
            + " browser prints to PDF; not-final assessments and an example scheme are marked on the page.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> printBulletin(@PathParam("code") String code, @PathParam("year") int year) {
        return reads.async(() -> page.render(bulletins.bulletin(code, year)));
    }
}
