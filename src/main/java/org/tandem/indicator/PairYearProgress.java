package org.tandem.indicator;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Loads what the progress of a pair-year needs, in a fixed number of statements, and hands it to
 * {@link Progress}: the pair-year's state, the active catalogue, the stored targets and actuals, and the
 * DERIVED indicators' values computed from the pair's projects and activities of the year.
 */
@ApplicationScoped
class PairYearProgress {

    @Inject
    DerivedValues derivedValues;

    ProgressView of(long pairingId, int year) {
        PairYearValues.pairingIn(pairingId, year);
        PairYear pairYear = PairYear.find(pairingId, year);
        List<Indicator> indicators = Indicator.<Indicator> find("from Indicator i join fetch i.track t"
                + " where i.active = true order by t.position, i.code").list();
        Map<String, BigDecimal> targets = new HashMap<>();
        Map<String, BigDecimal> actuals = new HashMap<>();
        for (IndicatorValue value : IndicatorValue.<IndicatorValue> list("pairing.id = ?1 and calendarYear = ?2",
                pairingId, year)) {
            (value.kind == ValueKind.TARGET ? targets : actuals).put(value.indicator.code, value.quantity);
        }
        Map<String, BigDecimal> derived = derivedValues.compute(List.of(pairingId), year, indicators).get(pairingId);
        return Progress.of(pairingId, year, PairYear.stateOf(pairYear), indicators, targets, actuals, derived);
    }
}
