package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a scheme before it is saved or used. Reports every violation rather than the first, so a
 * scheme author can fix them in one go.
 */
public final class SchemeValidator {

    /** Track weights add up to this. */
    public static final BigDecimal TOTAL_WEIGHT = BigDecimal.valueOf(100);

    /** A piecewise coefficient above this is more likely a typo (20 for 2.0) than a reward. */
    public static final BigDecimal MAX_COEFFICIENT = BigDecimal.valueOf(2);

    private SchemeValidator() {
    }

    /**
     * @param knownTrackCodes the tracks of the registry (the six)
     * @param indicatorTracks the registry's indicators: code → the track it belongs to; an indicator
     *        rule must name that same track
     * @return the violations in scheme order; empty when the scheme is usable
     */
    public static List<Violation> validate(ScoringScheme scheme, Set<String> knownTrackCodes,
            Map<String, String> indicatorTracks) {
        List<Violation> violations = new ArrayList<>();
        Map<String, BigDecimal> weights = validateTracks(scheme, knownTrackCodes, violations);
        validateIndicators(scheme, weights, indicatorTracks, violations);
        validateAdjustmentItems(scheme, violations);
        validateGradeBands(scheme, violations);
        if (scheme.passMark().signum() < 0 || scheme.passMark().compareTo(TOTAL_WEIGHT) > 0) {
            violations.add(new Violation("passMark", "must be between 0 and 100, is " + plain(scheme.passMark())));
        }
        return List.copyOf(violations);
    }

    private static Map<String, BigDecimal> validateTracks(ScoringScheme scheme, Set<String> knownTrackCodes,
            List<Violation> violations) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        if (scheme.tracks().isEmpty()) {
            violations.add(new Violation("tracks", "at least one track is needed"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (TrackWeight track : scheme.tracks()) {
            String path = "tracks[" + track.trackCode() + "]";
            if (!knownTrackCodes.contains(track.trackCode())) {
                violations.add(new Violation(path + ".trackCode", "unknown track " + track.trackCode()));
            }
            if (weights.putIfAbsent(track.trackCode(), track.weight()) != null) {
                violations.add(new Violation(path, "track listed more than once"));
                continue;
            }
            checkPoints(track.weight(), path + ".weight", violations);
            sum = sum.add(track.weight());
        }
        if (!scheme.tracks().isEmpty() && sum.compareTo(TOTAL_WEIGHT) != 0) {
            violations.add(new Violation("tracks", "weights sum to " + plain(sum) + ", must be exactly 100"));
        }
        return weights;
    }

    private static void validateIndicators(ScoringScheme scheme, Map<String, BigDecimal> weights,
            Map<String, String> indicatorTracks, List<Violation> violations) {
        Set<String> seen = new HashSet<>();
        Map<String, BigDecimal> pointsPerTrack = new LinkedHashMap<>();
        for (IndicatorRule rule : scheme.indicators()) {
            String path = "indicators[" + rule.indicatorCode() + "]";
            if (!seen.add(rule.indicatorCode())) {
                violations.add(new Violation(path, "indicator listed more than once"));
                continue;
            }
            String registeredTrack = indicatorTracks.get(rule.indicatorCode());
            if (registeredTrack == null) {
                violations.add(new Violation(path + ".indicatorCode", "unknown indicator " + rule.indicatorCode()));
            } else if (!registeredTrack.equals(rule.trackCode())) {
                violations.add(new Violation(path + ".trackCode", "indicator " + rule.indicatorCode()
                        + " belongs to track " + registeredTrack + ", not " + rule.trackCode()));
            }
            if (!weights.containsKey(rule.trackCode())) {
                violations.add(new Violation(path + ".trackCode", "track " + rule.trackCode()
                        + " has no weight in this scheme"));
            }
            checkPoints(rule.points(), path + ".points", violations);
            pointsPerTrack.merge(rule.trackCode(), rule.points(), BigDecimal::add);
            validateFunction(rule.function(), path + ".function", violations);
        }
        weights.forEach((trackCode, weight) -> {
            BigDecimal points = pointsPerTrack.getOrDefault(trackCode, BigDecimal.ZERO);
            if (points.compareTo(weight) != 0) {
                violations.add(new Violation("tracks[" + trackCode + "].weight", "indicator points in the track sum to "
                        + plain(points) + ", must equal the track weight " + plain(weight)));
            }
        });
    }

    private static void validateFunction(ScoringFunction function, String path, List<Violation> violations) {
        if (function instanceof ScoringFunction.Ratio ratio) {
            if (ratio.cap().signum() <= 0) {
                violations.add(new Violation(path + ".cap", "must be greater than 0, is " + plain(ratio.cap())));
            }
        } else if (function instanceof ScoringFunction.Step step) {
            if (step.threshold().signum() <= 0) {
                violations.add(new Violation(path + ".threshold",
                        "must be greater than 0, is " + plain(step.threshold())));
            }
        } else if (function instanceof ScoringFunction.Piecewise piecewise) {
            List<ScoringFunction.Breakpoint> breakpoints = piecewise.breakpoints();
            if (breakpoints.size() < 2) {
                violations.add(new Violation(path + ".breakpoints",
                        "at least 2 breakpoints are needed, found " + breakpoints.size()));
            }
            for (int i = 0; i < breakpoints.size(); i++) {
                ScoringFunction.Breakpoint breakpoint = breakpoints.get(i);
                String at = path + ".breakpoints[" + i + "]";
                if (breakpoint.ratio().signum() < 0) {
                    violations.add(new Violation(at + ".ratio", "must not be negative"));
                } else if (i > 0 && breakpoint.ratio().compareTo(breakpoints.get(i - 1).ratio()) <= 0) {
                    violations.add(new Violation(at + ".ratio", "must be greater than the previous breakpoint's "
                            + plain(breakpoints.get(i - 1).ratio())));
                }
                if (breakpoint.coefficient().signum() < 0 || breakpoint.coefficient().compareTo(MAX_COEFFICIENT) > 0) {
                    violations.add(new Violation(at + ".coefficient",
                            "must be between 0 and 2, is " + plain(breakpoint.coefficient())));
                }
            }
        }
    }

    private static void validateAdjustmentItems(ScoringScheme scheme, List<Violation> violations) {
        Set<String> seen = new HashSet<>();
        for (AdjustmentItem item : scheme.adjustmentItems()) {
            String path = "adjustmentItems[" + item.code() + "]";
            if (!seen.add(item.code())) {
                violations.add(new Violation(path, "adjustment item listed more than once"));
                continue;
            }
            BigDecimal max = item.maxPointsPerItem();
            if (item.kind() == AdjustmentKind.VETO) {
                if (max.signum() != 0) {
                    violations.add(new Violation(path + ".maxPointsPerItem", "must be 0 for a VETO, which carries no points"));
                }
            } else if (max.signum() <= 0) {
                violations.add(new Violation(path + ".maxPointsPerItem", "must be greater than 0, is " + plain(max)));
            }
        }
        if (scheme.bonusCap().signum() < 0) {
            violations.add(new Violation("bonusCap", "must not be negative"));
        }
        if (scheme.deductionCap().signum() < 0) {
            violations.add(new Violation("deductionCap", "must not be negative"));
        }
    }

    private static void validateGradeBands(ScoringScheme scheme, List<Violation> violations) {
        List<GradeBand> bands = scheme.gradeBands();
        if (bands.isEmpty()) {
            violations.add(new Violation("gradeBands", "at least one grade band is needed"));
            return;
        }
        Set<String> seen = new HashSet<>();
        GradeBand previous = null;
        for (GradeBand band : bands) {
            String path = "gradeBands[" + band.code() + "]";
            if (!seen.add(band.code())) {
                violations.add(new Violation(path, "grade listed more than once"));
            }
            if (previous != null && band.minTotal().compareTo(previous.minTotal()) >= 0) {
                violations.add(new Violation(path + ".minTotal", "must be below " + plain(previous.minTotal())
                        + " of " + previous.code() + ": bands are listed best first, each starting lower"));
            }
            previous = band;
        }
        GradeBand lowest = bands.get(bands.size() - 1);
        if (lowest.minTotal().signum() != 0) {
            violations.add(new Violation("gradeBands[" + lowest.code() + "].minTotal",
                    "the lowest band must start at 0 so that every total has a grade, starts at "
                            + plain(lowest.minTotal())));
        }
    }

    // Points beyond 2 decimals could not be shown in a breakdown that adds up.
    private static void checkPoints(BigDecimal points, String path, List<Violation> violations) {
        if (points.signum() < 0) {
            violations.add(new Violation(path, "must not be negative, is " + plain(points)));
        } else if (points.stripTrailingZeros().scale() > Rounding.POINTS_SCALE) {
            violations.add(new Violation(path, "at most " + Rounding.POINTS_SCALE + " decimals, is " + plain(points)));
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
