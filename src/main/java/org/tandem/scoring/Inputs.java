package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A pair's figures for one year. An absent target or actual has no entry (the maps refuse null
 * values); the caller merges reported and derived actuals. Entries for indicators the scheme does
 * not score are ignored.
 */
public record Inputs(Map<String, BigDecimal> targets, Map<String, BigDecimal> actuals, List<Adjustment> adjustments) {
    public Inputs {
        targets = Map.copyOf(targets);
        actuals = Map.copyOf(actuals);
        adjustments = List.copyOf(adjustments);
    }
}
