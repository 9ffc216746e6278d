package org.tandem.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.tandem.OpenApiComponents;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Declares in the generated contract how every read can be revalidated (org.tandem.cache.HttpCaching), so
 * that each GET operation says it without per-method annotations: the {@code If-None-Match} request header,
 * the {@code ETag} and {@code Cache-Control} headers of its success, and its {@code 304 Not Modified}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class HttpCachingContract implements OASFilter {

    private static final String IF_NONE_MATCH = "IfNoneMatch";
    private static final String ETAG = "ETag";
    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String NOT_MODIFIED = "NotModified";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Components components = OpenApiComponents.of(openAPI);
        components.addParameter(IF_NONE_MATCH, OASFactory.createParameter().name("If-None-Match")
                .in(Parameter.In.HEADER).required(false).schema(string())
                .description("ETags of representations the client holds (or *): if one is the current one, the "
                        + "answer is 304 with no body"));
        components.addHeader(ETAG, OASFactory.createHeader().schema(string())
                .description("Strong tag of the representation sent (a hash of its JSON): it changes whenever the "
                        + "representation does, for the same caller"));
        components.addHeader(CACHE_CONTROL, OASFactory.createHeader().schema(string())
                .description("private, no-cache: the answer depends on who asks; revalidate with If-None-Match"));
        components.addResponse(NOT_MODIFIED, OASFactory.createAPIResponse()
                .description("Not modified: If-None-Match names the current representation's ETag; no body")
                .headers(headers()));
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Operation read = path.getValue().getGET();
            if (read == null || !path.getKey().startsWith("/api/")) {
                continue;
            }
            read.addParameter(OASFactory.createParameter().ref("#/components/parameters/" + IF_NONE_MATCH));
            for (Map.Entry<String, APIResponse> response : read.getResponses().getAPIResponses().entrySet()) {
                if (response.getKey().startsWith("2") && response.getValue().getRef() == null) {
                    headers().forEach(response.getValue()::addHeader);
                }
            }
            read.getResponses().addAPIResponse("304",
                    OASFactory.createAPIResponse().ref("#/components/responses/" + NOT_MODIFIED));
        }
    }

    private static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(ETAG, OASFactory.createHeader().ref("#/components/headers/" + ETAG));
        headers.put(CACHE_CONTROL, OASFactory.createHeader().ref("#/components/headers/" + CACHE_CONTROL));
        return headers;
    }

    private static Schema string() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
    }
}
