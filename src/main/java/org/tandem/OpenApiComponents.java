package org.tandem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/** For the build-time filters that add shared parameters, headers and responses to the generated contract. */
public final class OpenApiComponents {

    private OpenApiComponents() {
    }

    /** The contract's components, created empty if it has none yet. */
    public static Components of(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        return components;
    }
}
