package org.tandem.spreadsheet;

import java.io.IOException;
import java.nio.file.Files;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.tandem.problem.ProblemException;
import org.tandem.security.Roles;
import org.tandem.web.BodyLimit;

/**
 * Spreadsheet imports of targets, actuals, projects, activities or parks: the file as the raw body (XLSX or CSV)
 * or as the {@code file} part of a form.
 */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
class ImportResource {

    private static final String XLSX = SpreadsheetTypes.XLSX;
    private static final String DESCRIPTION = "Reads the sheet named after the kind (targets, actuals, projects, activities, parks or "
            + "pairings; also 目标, 实际, 项目, 活动, 园区, 结对; a CSV is that sheet) with the header row of the templates (GET "
            + "/api/v1/pairings/{id}/years/{year}/template, /api/v1/programs/{code}/years/{year}/template), English or "
            + "Chinese, any order. targets and actuals: key, pairing, year, indicator, value (name and unit are not "
            + "read); each row sets one pairing's value of one indicator in one year, an empty value removes the stored "
            + "one; by the rules of PUT .../targets and .../actuals (nothing in a year a finalized assessment locks, "
            + "actuals only while DRAFT, no actual of a DERIVED indicator, a reason once the actuals were submitted). "
            + "projects, activities and parks: every column of the template (status is not read); each row is one "
            + "record of its pairing, by the rules of the JSON API (the host one of the pair's counties, nothing in a "
            + "year a finalized assessment locks). pairings (admins only; sheet pairings or 结对, in the programme-year "
            + "template): key, program, industrialCounty, mountainCounty, formedOn, status, evidence, sourceNote (the "
            + "county names are not read); each row designates its counties on their sides where they are not yet and "
            + "creates or changes the pairing (a county designated on the other side, or paired already, is refused). "
            + "The key is the record's id; a row without one changes the record "
            + "of its pairing with the same track and title (a project), track, kind, date and title (an activity) or "
            + "name (a park), or adds one. A project's step dates take the steps not yet taken, in order; a step taken "
            + "keeps its date (step-date-fixed) and an empty step date removes nothing. Dates are date cells or "
            + "year-month-day text. County editors import only their own pairs' data (not-your-pairing), admins any. "
            + "Full-width digits are read as digits; formulas, text in number cells and duplicate rows are refused. "
            + "dryRun=true changes nothing and answers 200 with every row's outcome (created, updated, unchanged, error) "
            + "and every error with its sheet, row, column, the value found and a stable code. Otherwise all or nothing: "
            + "400 invalid-rows listing every error (messages in Chinese, English with Accept-Language: en), or 201 with "
            + "the import's record when something changed (its audit events carry context import:<id>), or 200 when "
            + "nothing did (the same file again: no record, no audit event). A file that is not XLSX or CSV, encrypted, "
            + "damaged or without the sheet is 400; larger than tandem.import.max-size, unpacking past "
            + "tandem.import.max-uncompressed-size or with more rows than tandem.import.max-rows is 413.";

    @Inject
    Imports imports;
    @Inject
    ImportLimits limits;

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @POST
    @Consumes({ XLSX, "text/csv", MediaType.APPLICATION_OCTET_STREAM })
    @Operation(summary = "Import targets, actuals, projects, activities, parks or pairings from an XLSX or CSV file (raw body)", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A dry run, or an import that changed nothing", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "201", description = "Imported; Location is the import's record", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    public RestResponse<ImportReport> importFile(
            @QueryParam("kind") @NotNull @Pattern(regexp = ImportKind.CODES) @Parameter(required = true, description = "targets, actuals, projects, activities, parks or pairings (admins)") String kind,
            @QueryParam("dryRun") @Parameter(description = "true: check and report, change nothing") boolean dryRun,
            @QueryParam("reason") @Size(max = 1000) @Parameter(description = "Why; required when a value changes once the pair-year's actuals were ever submitted") String reason,
            @QueryParam("fileName") @Size(max = 255) @Parameter(description = "The file's name, as recorded") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @RequestBody(required = true, description = "The file: XLSX, or CSV in UTF-8 (a BOM is fine)", content = {
                    @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")) }) byte[] body) {
        return answer(imports.run(upload(fileName, contentType, body), ImportKind.of(kind), dryRun, reason,
                Messages.english(acceptLanguage)));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR })
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import targets, actuals, projects, activities, parks or pairings from an XLSX or CSV file (form upload, part file)", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A dry run, or an import that changed nothing", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "201", description = "Imported; Location is the import's record", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    public RestResponse<ImportReport> importForm(
            @QueryParam("kind") @NotNull @Pattern(regexp = ImportKind.CODES) @Parameter(required = true, description = "targets, actuals, projects, activities, parks or pairings (admins)") String kind,
            @QueryParam("dryRun") @Parameter(description = "true: check and report, change nothing") boolean dryRun,
            @QueryParam("reason") @Size(max = 1000) @Parameter(description = "Why; required when a value changes once the pair-year's actuals were ever submitted") String reason,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary", description = "The XLSX or CSV file") FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid("file", "a part named file with the spreadsheet is required");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw ProblemException.invalid("file", "could not be read");
        }
        return answer(imports.run(upload(file.fileName(), file.contentType(), bytes), ImportKind.of(kind), dryRun,
                reason, Messages.english(acceptLanguage)));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR, Roles.COUNTY_EDITOR })
    @GET
    @Path("/{id}")
    @Operation(summary = "An import's record: who imported which file (name, SHA-256), when, of what kind, with what outcome", description = "County editors see their own imports only (404 otherwise).")
    public ImportView getImport(@PathParam("id") long id) {
        return imports.get(id);
    }

    private Imports.Upload upload(String fileName, String contentType, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        long max = limits.maxSize().asLongValue();
        if (bytes.length > max) {
            throw new ProblemException(413, "too-large", "Payload too large", BodyLimit.tooLarge(max), null);
        }
        String name = fileName == null || fileName.isBlank() ? "(unnamed)" : fileName.strip();
        String type = contentType == null ? MediaType.APPLICATION_OCTET_STREAM
                : contentType.length() > 100 ? contentType.substring(0, 100) : contentType;
        return new Imports.Upload(name.length() > 255 ? name.substring(0, 255) : name, type, bytes);
    }

    private static RestResponse<ImportReport> answer(ImportReport report) {
        if (report.id() == null) {
            return RestResponse.ok(report);
        }
        return RestResponse.ResponseBuilder.<ImportReport> created(java.net.URI.create("/api/v1/imports/" + report.id()))
                .entity(report).build();
    }
}
