package org.tandem.registry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;

@Schema(name = "County")
public record CountyView(
        @Schema(examples = "331102", required = true) String code,
        @Schema(examples = "莲都区", required = true) String name,
        @Schema(examples = "331100", required = true) String cityCode,
        @Schema(examples = "丽水市", required = true) String cityName,
        @Schema(required = true) CountyCategory category) {

    /** The columns of an export of counties. */
    public static final Table<CountyView> TABLE = Table.of("counties",
            Column.text("县代码", "Code", CountyView::code),
            Column.text("县名", "Name", CountyView::name),
            Column.text("市代码", "City code", CountyView::cityCode),
            Column.text("市", "City", CountyView::cityName),
            Column.text("类别", "Category", CountyView::category));

    public static CountyView of(County county) {
        return new CountyView(county.code, county.name, county.cityCode, county.cityName, county.category);
    }
}
