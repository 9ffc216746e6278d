package org.tandem.registry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;

@Schema(name = "Track")
public record TrackView(
        @Schema(required = true, examples = "PROJECT_COOP") String code,
        @Schema(required = true, description = "1 to 6, the seed's order") int position,
        @Schema(required = true, examples = "产业项目合作") String nameZh,
        @Schema(required = true, examples = "Industrial project cooperation") String nameEn,
        String description) {

    /** The columns of an export of the tracks. */
    public static final Table<TrackView> TABLE = Table.of("tracks",
            Column.text("代码", "Code", TrackView::code),
            Column.integer("顺序", "Position", TrackView::position),
            Column.text("中文名", "Name (Chinese)", TrackView::nameZh),
            Column.text("英文名", "Name (English)", TrackView::nameEn),
            Column.text("说明", "Description", TrackView::description));

    public static TrackView of(Track track) {
        return new TrackView(track.code, track.position, track.nameZh, track.nameEn, track.description);
    }
}
