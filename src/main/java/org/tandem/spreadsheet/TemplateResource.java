package org.tandem.spreadsheet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.security.Roles;

/** The XLSX template of one pair-year, to fill in and import. */
@Path("/api/v1/pairings/{id}/years/{year}/template")
@Tag(name = "Imports")
class TemplateResource {

    @Inject
    Templates templates;

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @GET
    @Produces(SpreadsheetTypes.XLSX)
    @Operation(summary = "An XLSX template of a pair-year: targets, actuals, projects, activities and parks, pre-filled", description = Templates.SHEETS
            + " For one pair-year: every project and park of the pairing and the activities held in the year. County editors "
            + "of the pairing's counties and admins (403 not-your-pairing otherwise).")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment named <programme>_<pairing>_<year>_template.xlsx", content = @Content(mediaType = SpreadsheetTypes.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public RestResponse<StreamingOutput> getTemplate(@PathParam("id") long id, @PathParam("year") int year,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Templates.Template template = templates.of(id, year);
        return Templates.attachment(template, Messages.english(acceptLanguage));
    }
}
