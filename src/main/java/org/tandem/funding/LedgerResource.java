package org.tandem.funding;

import java.net.URI;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funding")
@Authenticated
public class LedgerResource {

    private static final String GROUP_BY = "pairing (default), county (each county with every entry of its pairs),"
            + " track (the earmarked track; NONE: not earmarked) or year";

    @Inject
    Ledger ledger;
    @Inject
    FundingAccess access;
    @Inject
    Exports exports;

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "Ledger entries", description = "Filters: program, year, pairing, kind. Sort by id (default), year or paidOn."
            + " A county editor sees only their county's pairs.")
    public PageOf<EntryView> listLedgerEntries(@QueryParam("program") String program, @QueryParam("year") Integer year,
            @QueryParam("pairing") Long pairing, @QueryParam("kind") EntryKind kind,
            @Valid @BeanParam PageRequest paging) {
        return ledger.list(program, year, pairing, kind, access.ownCounty(), paging);
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportLedgerEntries(@QueryParam("program") String program, @QueryParam("year") Integer year,
            @QueryParam("pairing") Long pairing, @QueryParam("kind") EntryKind kind,
            @Valid @BeanParam PageRequest paging, @BeanParam ExportRequest export) {
        String ownCounty = access.ownCounty();
        return exports.send(export, EntryView.TABLE, Exports.datedFileName(program, year, "ledger"), paging,
                batch -> ledger.list(program, year, pairing, kind, ownCounty, batch).items());
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/entries")
    @Transactional
    @Operation(summary = "Append a disbursement, clawback or correction", description = "Entries are never changed or deleted;"
            + " a mistake is reversed by a CORRECTION. 409 overpayment when a pair-year would have more disbursed than"
            + " allocated less clawed back, unless an admin records an override with a reason.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = EntryView.class)))
    public RestResponse<EntryView> recordLedgerEntry(@Valid @NotNull EntryInput body) {
        LedgerEntry entry = ledger.record(body, access.isAdmin());
        return Versions.created(URI.create("/api/v1/ledger/entries/" + entry.id), Ledger.viewOfNew(entry));
    }

    @GET
    @Path("/entries/{id}")
    @Operation(summary = "A ledger entry")
    public RestResponse<EntryView> getLedgerEntry(@PathParam("id") long id) {
        return Versions.ok(ledger.get(id, access.ownCounty()));
    }

    @GET
    @Path("/balances")
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "Balances of a program's ledger", description = "allocated, disbursed, clawedBack and balance"
            + " (allocated - clawedBack - disbursed) per group, in a year or over all years; program is required."
            + " A county editor sees only their county's pairs.")
    public BalancesView ledgerBalances(@QueryParam("program") String program, @QueryParam("year") Integer year,
            @QueryParam("groupBy") @Parameter(description = GROUP_BY, schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "pairing", "county", "track", "year" })) String groupBy) {
        return ledger.balances(program, year, groupBy, access.ownCounty());
    }

    @GET
    @Path("/balances")
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportLedgerBalances(@QueryParam("program") String program, @QueryParam("year") Integer year,
            @QueryParam("groupBy") String groupBy, @BeanParam ExportRequest export) {
        String ownCounty = access.ownCounty();
        return exports.sendAll(export, BalancesView.TABLE, Exports.fileName(program, year, "balances", groupBy),
                () -> ledger.balances(program, year, groupBy, ownCounty).items());
    }
}
