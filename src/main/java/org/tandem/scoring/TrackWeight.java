package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/** A track's share of the 100 points. */
public record TrackWeight(String trackCode, BigDecimal weight) {
    public TrackWeight {
        Codes.require(trackCode, "trackCode");
        Objects.requireNonNull(weight, "weight");
    }
}
