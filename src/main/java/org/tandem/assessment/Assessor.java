package org.tandem.assessment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tandem.indicator.DerivedValues;
import org.tandem.indicator.Indicator;
import org.tandem.indicator.ValueKind;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.scheme.Catalogue;
import org.tandem.scheme.Scheme;
import org.tandem.scheme.SchemeRules;
import org.tandem.scheme.SchemeRulesCodec;
import org.tandem.scoring.Adjustment;
import org.tandem.scoring.Inputs;
import org.tandem.scoring.Rounding;
import org.tandem.scoring.ScoreResult;
import org.tandem.scoring.Scorer;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Scores pairings of one year under a scheme. Inputs are read set-based: the catalogue, the targets and
 * reported actuals of every pairing at once, and the derived values in a fixed number of grouped queries;
 * the score itself is the pure {@link Scorer}. The statement count does not grow with the number of pairings.
 */
@ApplicationScoped
class Assessor {

    @Inject
    DerivedValues derivedValues;
    @Inject
    SchemeRulesCodec codec;

    record Scored(ScoreResult result, String inputsDigest) {
    }

    /**
     * A live what-if score of a pair-year, saving nothing: under the latest published scheme of its programme-year,
     * or under scheme {@code schemeId} (any version of the same programme, drafts included). The adjustments
     * recorded on the pair-year's assessment count.
     */
    AssessmentViews.Score whatIf(long pairingId, int year, Long schemeId) {
        Pairing pairing = Pairing.require(pairingId);
        Scheme scheme;
        if (schemeId == null) {
            scheme = Scheme.latestPublished(pairing.program, year);
            if (scheme == null) {
                throw ProblemException.conflict("no-published-scheme",
                        "program " + pairing.program.code + " has no published scoring scheme for " + year);
            }
        } else {
            scheme = Scheme.findById(schemeId);
            if (scheme == null || !scheme.program.id.equals(pairing.program.id)) {
                throw ProblemException.invalid("scheme", "no scheme " + schemeId + " of program " + pairing.program.code);
            }
        }
        var adjustments = AssessmentAdjustment.byPairing(pairing.program, year);
        Scored scored = score(scheme, List.of(pairingId), year, adjustments).get(pairingId);
        return new AssessmentViews.Score(pairingId, year, scheme.id, scheme.number, scored.inputsDigest(),
                scored.result(), Rounding.RULE);
    }

    /** Each pairing's score; {@code adjustments} by pairing id, absent meaning none. */
    Map<Long, Scored> score(Scheme scheme, Collection<Long> pairingIds, int year,
            Map<Long, List<Adjustment>> adjustments) {
        if (pairingIds.isEmpty()) {
            return Map.of();
        }
        Catalogue catalogue = Catalogue.load();
        SchemeRules rules = codec.read(scheme);
        // The scheme is checked once for the whole run, not once per pairing.
        Function<Inputs, ScoreResult> scorer = Scorer.under(rules.toEngine(catalogue.trackOf()));
        Set<String> itemCodes = rules.adjustmentItems().stream().map(SchemeRules.AdjustmentRule::code)
                .collect(Collectors.toSet());
        List<String> codes = rules.indicators().stream().map(SchemeRules.IndicatorPoints::indicator).toList();
        List<Indicator> indicators = Indicator.list("code in ?1", codes);
        // Many pairings are read by joining the scheme's programme, not by listing their ids (see DerivedValues).
        Long programId = pairingIds.size() > 1 ? scheme.program.id : null;
        Map<Long, Map<String, BigDecimal>> derived = derivedValues.compute(pairingIds, year, indicators, programId);
        Map<Long, Map<String, BigDecimal>> targets = new HashMap<>();
        Map<Long, Map<String, BigDecimal>> actuals = new HashMap<>();
        String select = "select v.pairing.id, v.indicator.code, v.kind, v.quantity from IndicatorValue v"
                + " where v.calendarYear = :year and ";
        var query = programId == null
                ? Panache.getEntityManager().createQuery(select + "v.pairing.id in :ids", Object[].class)
                        .setParameter("ids", pairingIds)
                : Panache.getEntityManager().createQuery(select + "v.pairing.program.id = :program", Object[].class)
                        .setParameter("program", programId);
        List<Object[]> rows = query.setParameter("year", year).getResultList();
        Set<Long> wanted = programId == null ? null : Set.copyOf(pairingIds);
        for (Object[] row : rows) {
            if (wanted != null && !wanted.contains((Long) row[0])) {
                continue;
            }
            var into = row[2] == ValueKind.TARGET ? targets : actuals;
            into.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put((String) row[1], (BigDecimal) row[3]);
        }
        Map<Long, Inputs> inputs = new HashMap<>();
        for (Long pairingId : pairingIds) {
            Map<String, BigDecimal> actual = new HashMap<>(actuals.getOrDefault(pairingId, Map.of()));
            // Derived values replace anything typed in: they come from the pair's own records.
            actual.putAll(derived.getOrDefault(pairingId, Map.of()));
            // Adjustments under items a newer scheme version dropped no longer count.
            List<Adjustment> applicable = adjustments.getOrDefault(pairingId, List.of()).stream()
                    .filter(a -> itemCodes.contains(a.itemCode())).toList();
            inputs.put(pairingId, new Inputs(targets.getOrDefault(pairingId, Map.of()), actual, applicable));
        }
        // Scoring is pure and each pairing's own, so it is spread over the cores (the common pool and this thread):
        // at 20,000 pairings it takes about a second of CPU.
        long schemeId = scheme.id;
        return inputs.entrySet().parallelStream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> new Scored(scorer.apply(entry.getValue()), digest(schemeId, entry.getValue()))));
    }

    /** A stable SHA-256 of the scheme version and every input, so a changed input shows as a changed digest. */
    private static String digest(long schemeId, Inputs inputs) {
        StringBuilder canonical = new StringBuilder("scheme=").append(schemeId).append(';');
        new TreeMap<>(inputs.targets()).forEach((k, v) -> canonical.append("t:").append(k).append('=')
                .append(v.stripTrailingZeros().toPlainString()).append(';'));
        new TreeMap<>(inputs.actuals()).forEach((k, v) -> canonical.append("a:").append(k).append('=')
                .append(v.stripTrailingZeros().toPlainString()).append(';'));
        inputs.adjustments().forEach(a -> canonical.append("j:").append(a.itemCode()).append('=')
                .append(a.points().stripTrailingZeros().toPlainString()).append(';'));
        return Sha256.hex(canonical.toString());
    }
}
