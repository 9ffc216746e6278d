package org.tandem.registry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "County")
public record CountyView(
        @Schema(examples = "331102", required = true) String code,
        @Schema(examples = "莲都区", required = true) String name,
        @Schema(examples = "331100", required = true) String cityCode,
        @Schema(examples = "丽水市", required = true) String cityName,
        @Schema(required = true) CountyCategory category) {

    public static CountyView of(County county) {
        return new CountyView(county.code, county.name, county.cityCode, county.cityName, county.category);
    }
}
