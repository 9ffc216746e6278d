package org.tandem.document;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

/**
 * Evidence documents of projects, activities, parks, a pair-year's actuals, assessment adjustments and objections. One
 * collection for every kind of record, named by {@code subject}. An upload is the file as the raw request body (any
 * Content-Type: the type is detected from the bytes), with its name in the query: the body streams into the store
 * without being held in memory or spooled to disk, which a multipart form would not allow.
 */
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@Authenticated
class DocumentResource {

    private static final String SUBJECT = "What the document is attached to: project:<id>, activity:<id>, park:<id>, "
            + "adjustment:<id> (an assessment adjustment), objection:<id> (an objection to an assessment) or "
            + "actuals:<pairingId>:<year> (a pair-year's actuals)";
    private static final String UPLOAD = "The body is the file itself, streamed into the database in chunks with its "
            + "SHA-256. Its media type is detected from the content (PDF, images, Word, Excel, PowerPoint and "
            + "OpenDocument files by default: tandem.document.allowed-types), never taken from Content-Type: 415 "
            + "type-not-allowed otherwise (an executable renamed .pdf is one). 413 past tandem.document.max-size, or "
            + "when the pair-year's documents would pass tandem.document.max-per-pair-year (pair-year-full); nothing "
            + "is stored then. Write rights are the record's: admins, and county editors of the pair's counties; for "
            + "adjustments admins and assessors; for an objection assessors always, the pair's county editors while it is "
            + "open (409 objection-resolved once resolved). A year a finalized assessment locks refuses it (409 "
            + "locked-by-finalized-assessment). Audited.";
    private static final String DOWNLOAD = "The content with its detected media type, as an attachment named by the "
            + "original file name (Content-Disposition with filename* in UTF-8; inline=true for a preview). ETag is "
            + "the SHA-256; If-None-Match gives 304. A single byte range (Range: bytes=...) gives 206 with "
            + "Content-Range, one past the end 416; If-Range with another tag sends the whole file. County editors "
            + "read only their own pairs' documents (403); a deleted document's content is gone (410).";
    private static final String BINARY = "binary";

    @Inject
    Documents documents;

    @GET
    @Operation(summary = "List a record's documents", description = "The current version of each, in the order they were attached; deleted ones only with includeDeleted=true. County editors see only their own pairs' (403).")
    @APIResponse(responseCode = "404", description = "No record the subject names", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentPage.class)))
    public PageOf<DocumentView> listDocuments(
            @QueryParam("subject") @NotNull @Pattern(regexp = Subject.PATTERN) @Parameter(required = true, description = SUBJECT) String subject,
            @QueryParam("includeDeleted") @Parameter(description = "true: deleted documents too") boolean includeDeleted,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return documents.list(Subject.parse("subject", subject), includeDeleted, page, size);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR, Roles.ASSESSOR })
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a document to a record", description = UPLOAD)
    @APIResponse(responseCode = "201", description = "Stored; Location is the document", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "No record the subject names", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public RestResponse<DocumentView> uploadDocument(
            @QueryParam("subject") @NotNull @Pattern(regexp = Subject.PATTERN) @Parameter(required = true, description = SUBJECT) String subject,
            @QueryParam("fileName") @NotNull @Size(min = 1, max = 255) @Parameter(required = true, description = "The file's name, kept as given (a path before it is dropped)") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @RequestBody(required = true, description = "The file", content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = BINARY))) InputStream body) {
        Documents.Current stored = documents.create(Subject.parse("subject", subject), name(fileName), body,
                length(contentLength));
        return Versions.created(URI.create("/api/v1/documents/" + stored.document().id), stored.view());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a document", description = "Its current version; a deleted one shows who deleted it, when and why.")
    public RestResponse<DocumentView> getDocument(@PathParam("id") long id) {
        return Versions.ok(documents.get(id).view());
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR, Roles.ASSESSOR })
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a document, with a reason", description = "A mark only: the document and every version stay, listed with includeDeleted=true and in the audit trail; the content is no longer sent (410). Write rights as for an upload.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteDocument(@PathParam("id") long id,
            @QueryParam("reason") @NotNull @Size(min = 1, max = 1000) @Parameter(required = true, description = "Why") String reason,
            @Context Request request) {
        if (reason.isBlank()) {
            throw ProblemException.invalid("reason", "must not be blank");
        }
        documents.delete(id, reason.strip(), current -> Versions.checkIfMatch(request, current));
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "List a document's versions", description = "Oldest first; every upload is kept.")
    public List<VersionView> listDocumentVersions(@PathParam("id") long id) {
        return documents.versions(id);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.COUNTY_EDITOR, Roles.ASSESSOR })
    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replace a document's content", description = "A new version, which becomes the current one; the old ones are kept. "
            + UPLOAD)
    @APIResponse(responseCode = "201", description = "Stored; Location is the new version's content", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    public RestResponse<DocumentView> replaceDocument(@PathParam("id") long id,
            @QueryParam("fileName") @NotNull @Size(min = 1, max = 255) @Parameter(required = true, description = "The file's name, kept as given (a path before it is dropped)") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, @Context Request request,
            @RequestBody(required = true, description = "The file", content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = BINARY))) InputStream body) {
        Documents.Current stored = documents.replace(id, name(fileName), body, length(contentLength),
                current -> Versions.checkIfMatch(request, current));
        return Versions.created(URI.create("/api/v1/documents/" + id + "/versions/" + stored.version().number + "/content"),
                stored.view());
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a document's current content", description = DOWNLOAD)
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = BINARY)), headers = {
            @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Accept-Ranges", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "206", description = "The range asked for", content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = BINARY)), headers = {
            @Header(name = "Content-Range", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "410", description = "The document was deleted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "416", description = "The range starts past the end; Content-Range: bytes */<size>", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response getDocumentContent(@PathParam("id") long id,
            @QueryParam("inline") @Parameter(description = "true: Content-Disposition inline, for a preview") boolean inline,
            @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        return send(documents.content(id, null), inline, range, ifRange, ifNoneMatch);
    }

    @GET
    @Path("/{id}/versions/{number}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download one version of a document's content", description = DOWNLOAD)
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = BINARY)), headers = {
            @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Accept-Ranges", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "206", description = "The range asked for", content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = BINARY)), headers = {
            @Header(name = "Content-Range", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "410", description = "The document was deleted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "416", description = "The range starts past the end; Content-Range: bytes */<size>", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response getDocumentVersionContent(@PathParam("id") long id, @PathParam("number") int number,
            @QueryParam("inline") @Parameter(description = "true: Content-Disposition inline, for a preview") boolean inline,
            @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        return send(documents.content(id, number), inline, range, ifRange, ifNoneMatch);
    }

    private Response send(DocumentVersion version, boolean inline, String range, String ifRange, String ifNoneMatch) {
        String tag = '"' + version.sha256 + '"';
        long size = version.sizeBytes;
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || List.of(ifNoneMatch.split(",")).stream()
                .map(t -> t.trim().replaceFirst("^W/", "")).anyMatch(tag::equals))) {
            return Response.notModified().header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, CACHING)
                    .build();
        }
        Downloads.Span span;
        try {
            span = ifRange == null || ifRange.trim().equals(tag) ? Downloads.range(range, size) : null;
        } catch (Downloads.Unsatisfiable e) {
            return Response.status(416).type(Problem.MEDIA_TYPE).header("Content-Range", "bytes */" + size)
                    .entity(new Problem("/problems/range-not-satisfiable", "Range not satisfiable", 416,
                            "the file has " + size + " bytes; the range asked for starts past its end", null, null))
                    .build();
        }
        long from = span == null ? 0 : span.from();
        long to = span == null ? size - 1 : span.to();
        long documentId = version.document.id;
        int number = version.number;
        int chunkSize = version.chunkSize;
        StreamingOutput content = out -> {
            if (to >= from) {
                documents.copy(documentId, number, chunkSize, from, to, out);
            }
        };
        Response.ResponseBuilder response = span == null ? Response.ok(content)
                : Response.status(206).entity(content).header("Content-Range", "bytes " + from + "-" + to + "/" + size);
        return response.type(version.mediaType).header(HttpHeaders.ETAG, tag).header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, to - from + 1).header(HttpHeaders.CACHE_CONTROL, CACHING)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", Downloads.disposition(inline ? "inline" : "attachment", version.fileName))
                .build();
    }

    private static final String CACHING = "private, no-cache";

    /** The contract's name of a page of documents: a response that declares its 404 must declare its 200 too. */
    @Schema(name = "PageOfDocumentView")
    record DocumentPage(List<DocumentView> items, int page, int size, long totalItems) {
    }

    /** The name as kept: what follows the last path separator, valid text without control characters. */
    private static String name(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
        boolean text = !name.isEmpty() && name.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.SURROGATE || c == 0xfffd);
        if (!text) {
            throw ProblemException.invalid("fileName", "must be a file name: text without control characters");
        }
        return name;
    }

    private static Long length(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.valueOf(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
