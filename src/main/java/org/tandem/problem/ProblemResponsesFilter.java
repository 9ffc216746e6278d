package org.tandem.problem;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.tandem.OpenApiComponents;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Declares in the generated contract the problem+json responses that {@link ProblemMappers} can give,
 * so that every operation lists them without per-method annotations. It runs when the service is built, so the
 * contract is not worked out again at every start.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = OpenApiComponents.of(openAPI);
        components.addSchema("Problem", problemSchema());
        components.addSchema("FieldError", fieldErrorSchema());
        for (APIResponseKind kind : APIResponseKind.values()) {
            components.addResponse(kind.name(), OASFactory.createAPIResponse().description(kind.description)
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean single = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                PathItem.HttpMethod method = op.getKey();
                Operation operation = op.getValue();
                add(operation, "400", APIResponseKind.BadRequest);
                // Everything needs a bearer token unless it says otherwise (the token endpoint says security: []).
                if (operation.getSecurity() == null) {
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
                }
                if (!operation.getSecurity().isEmpty()) {
                    add(operation, "401", APIResponseKind.Unauthorized);
                    add(operation, "403", APIResponseKind.Forbidden);
                }
                if (single) {
                    add(operation, "404", APIResponseKind.NotFound);
                }
                if (method != PathItem.HttpMethod.GET) {
                    add(operation, "409", APIResponseKind.Conflict);
                    add(operation, "503", APIResponseKind.ServiceUnavailable);
                }
                // Actions on a single resource (transitions, publish, finalize, workflow steps) honour If-Match too.
                if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH
                        || method == PathItem.HttpMethod.DELETE || method == PathItem.HttpMethod.POST && single) {
                    add(operation, "412", APIResponseKind.PreconditionFailed);
                }
                if (operation.getRequestBody() != null) {
                    add(operation, "413", APIResponseKind.PayloadTooLarge);
                    add(operation, "415", APIResponseKind.UnsupportedMediaType);
                }
                // Any request can be refused before it reaches the operation, or ask for what it does not give.
                add(operation, "406", APIResponseKind.NotAcceptable);
                add(operation, "414", APIResponseKind.UriTooLong);
                add(operation, "431", APIResponseKind.HeadersTooLarge);
                add(operation, "500", APIResponseKind.InternalError);
            }
        }
    }

    private static void add(Operation operation, String status, APIResponseKind kind) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing == null || existing.getRef() == null && existing.getContent() == null) {
            APIResponse ref = OASFactory.createAPIResponse().ref("#/components/responses/" + kind.name());
            operation.getResponses().addAPIResponse(status, ref);
        }
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .format("uri-reference")
                        .description("Kind of problem; the last segment is a stable code, e.g. county-already-paired"))
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int32"))
                .addProperty("detail", string())
                .addProperty("instance", string())
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .required(List.of("field", "message"))
                .addProperty("field", string())
                .addProperty("message", string())
                .addProperty("code", string().description("A stable code of what is wrong (uploaded spreadsheets), "
                        + "e.g. not-a-number"))
                .addProperty("sheet", string().description("The sheet of the cell (uploaded spreadsheets)"))
                .addProperty("row", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .description("The row of the cell, 1-based as the spreadsheet shows it"))
                .addProperty("column", string().description("The column's letter, e.g. G"))
                .addProperty("value", string().description("The value found in the cell"));
    }

    private static Schema string() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
    }

    private enum APIResponseKind {
        BadRequest("Invalid input: malformed JSON, wrong type, failed validation"),
        Unauthorized("No valid bearer token"),
        Forbidden("The caller's role, or county, does not allow this"),
        NotFound("No such resource"),
        Conflict("Conflicts with the current state or a rule; the problem type names the rule"),
        PreconditionFailed("If-Match does not match the current ETag"),
        NotAcceptable("Accept names no media type the operation gives"),
        UriTooLong("Request line longer than the limit"),
        HeadersTooLarge("Request headers larger than the limit"),
        PayloadTooLarge("Request body too large"),
        UnsupportedMediaType("Body not sent as application/json"),
        InternalError("Unexpected server error; the detail carries a reference for the logs"),
        ServiceUnavailable("The change was not committed: it took longer than allowed, was aborted, or waited too long"
                + " for data another change held or for a database connection (busy, with Retry-After); nothing"
                + " changed");

        private final String description;

        APIResponseKind(String description) {
            this.description = description;
        }
    }
}
