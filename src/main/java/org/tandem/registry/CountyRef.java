package org.tandem.registry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A county as other resources embed it: code and name, so that clients need no second call. */
@Schema(name = "CountyRef")
public record CountyRef(@Schema(required = true, examples = "330782") String code,
        @Schema(required = true, examples = "义乌市") String name) {

    public static CountyRef of(County county) {
        return new CountyRef(county.code, county.name);
    }
}
