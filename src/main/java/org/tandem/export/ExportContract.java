package org.tandem.export;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.tandem.OpenApiComponents;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Declares in the generated contract the exports of every read marked with the extension {@value #MARK} (whose
 * export method is hidden): its success also comes as CSV and XLSX, it takes the {@code format} query parameter
 * and {@code Accept-Language}, and an export's success carries {@code Content-Disposition}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ExportContract implements OASFilter {

    /** The extension that marks a read as exportable; taken out of the contract. */
    public static final String MARK = "x-export";

    private static final String FORMAT = "ExportFormat";
    private static final String LANGUAGE = "ExportLanguage";
    private static final String DISPOSITION = "ContentDisposition";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Components components = OpenApiComponents.of(openAPI);
        components.addParameter(FORMAT, OASFactory.createParameter().name(FormatParameter.NAME)
                .in(Parameter.In.QUERY).required(false)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .enumeration(List.of("csv", "xlsx")))
                .description("Export as a file instead of JSON (wins over Accept; Accept: text/csv or the XLSX type"
                        + " asks the same): all matching rows, not one page. The filters and sort apply; page and"
                        + " size are ignored (though checked as for JSON). Any other value is a 400."));
        components.addParameter(LANGUAGE, OASFactory.createParameter().name("Accept-Language")
                .in(Parameter.In.HEADER).required(false)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .description("An export's column headers: Chinese unless English (en) comes first"));
        components.addHeader(DISPOSITION, OASFactory.createHeader()
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .description("An export's file name (attachment; filename=...; filename*=UTF-8''... when not ASCII)"));
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Operation read = path.getValue().getGET();
            if (read == null || read.getExtensions() == null || !read.getExtensions().containsKey(MARK)) {
                continue;
            }
            read.removeExtension(MARK);
            read.addParameter(OASFactory.createParameter().ref("#/components/parameters/" + FORMAT));
            read.addParameter(OASFactory.createParameter().ref("#/components/parameters/" + LANGUAGE));
            APIResponse ok = read.getResponses().getAPIResponse("200");
            if (ok == null) {
                continue;
            }
            Content content = ok.getContent() == null ? OASFactory.createContent() : ok.getContent();
            content.addMediaType(Exports.CSV, OASFactory.createMediaType().schema(OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.STRING)).description("UTF-8 with a byte order mark")));
            content.addMediaType(Exports.XLSX, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("binary")));
            ok.setContent(content);
            ok.addHeader("Content-Disposition",
                    OASFactory.createHeader().ref("#/components/headers/" + DISPOSITION));
        }
    }
}
