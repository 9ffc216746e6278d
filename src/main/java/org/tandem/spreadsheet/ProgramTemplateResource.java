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

/** The XLSX template of a whole programme-year, for the province. */
@Path("/api/v1/programs/{code}/years/{year}/template")
@Tag(name = "Imports")
class ProgramTemplateResource {

    @Inject
    Templates templates;

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @GET
    @Produces(SpreadsheetTypes.XLSX)
    @Operation(summary = "An XLSX template of a programme-year: every pairing's targets, actuals, projects, activities and parks, pre-filled", description = Templates.SHEETS
            + " For a programme-year: every pairing not dissolved, the projects with a step in the year, the activities "
            + "held in it, every park. Admins and assessors; 404 for an unknown programme, 400 for a year outside it.")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment named <programme>_<year>_template.xlsx", content = @Content(mediaType = SpreadsheetTypes.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public RestResponse<StreamingOutput> getProgramTemplate(@PathParam("code") String code, @PathParam("year") int year,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Templates.Template template = templates.ofProgram(code, year);
        return Templates.attachment(template, Messages.english(acceptLanguage));
    }
}
