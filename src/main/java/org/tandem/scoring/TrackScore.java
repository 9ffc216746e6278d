package org.tandem.scoring;

import java.math.BigDecimal;

/**
 * @param weight the scheme's weight
 * @param maxPoints the points the track could earn: its weight, changed only by EXCLUDE redistribution
 * @param points the sum of its indicators' rounded points
 */
public record TrackScore(String trackCode, BigDecimal weight, BigDecimal maxPoints, BigDecimal points) {
}
