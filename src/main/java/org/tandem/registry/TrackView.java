package org.tandem.registry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Track")
public record TrackView(
        @Schema(required = true, examples = "PROJECT_COOP") String code,
        @Schema(required = true, description = "1 to 6, the seed's order") int position,
        @Schema(required = true, examples = "产业项目合作") String nameZh,
        @Schema(required = true, examples = "Industrial project cooperation") String nameEn,
        String description) {

    public static TrackView of(Track track) {
        return new TrackView(track.code, track.position, track.nameZh, track.nameEn, track.description);
    }
}
