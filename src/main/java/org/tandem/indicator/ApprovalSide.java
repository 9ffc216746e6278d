package org.tandem.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whose approval a level needs: the industrial or the mountain county's side (or the city above it), or the province. */
@Schema(name = "ApprovalSide")
enum ApprovalSide {
    INDUSTRIAL,
    MOUNTAIN,
    PROVINCE
}
