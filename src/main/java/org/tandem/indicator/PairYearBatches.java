package org.tandem.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.YearLock;
import org.tandem.security.Access;

/**
 * Bulk writes of one pair-year's targets or actuals for other features (the spreadsheet import): first checked
 * without writing, each refusal with a stable code, then written by the very code behind PUT targets / actuals
 * ({@link PairYearValues}), with its scopes, locks, workflow rules and history.
 */
@ApplicationScoped
public class PairYearBatches {

    /** What writing one entry does to what is stored; removing a value counts as an update. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** One value to write; {@code value} null removes the stored one. */
    public record Entry(String indicator, BigDecimal value) {
    }

    /**
     * Why an entry is refused: {@code index} is the entry's, or -1 when the whole pair-year is (pairing unknown or
     * not the caller's, year locked or outside the programme, actuals not in DRAFT, reason missing). {@code field}
     * is {@code indicator} or {@code value}; {@code message} the API's English message.
     */
    public record Refusal(int index, String code, String field, String message) {
    }

    /** Per entry its outcome (null when refused), and every refusal. */
    public record Checked(List<Outcome> outcomes, List<Refusal> refusals) {
        public boolean ok() {
            return refusals.isEmpty();
        }
    }

    @Inject
    PairYearValues values;
    @Inject
    Access access;

    /** Checks a bulk write as {@code PUT .../targets} or {@code .../actuals} would, writing nothing. */
    @Transactional
    public Checked check(long pairingId, int year, ValueKind kind, List<Entry> entries, String reason) {
        Outcome[] outcomes = new Outcome[entries.size()];
        PairYear pairYear;
        try {
            Pairing pairing = PairYearValues.pairingIn(pairingId, year);
            access.checkPairing(pairing);
            YearLock.check(pairingId, List.of(year));
            pairYear = PairYear.find(pairingId, year);
            if (kind == ValueKind.ACTUAL && pairYear != null) {
                pairYear.checkActualsEditable();
            }
        } catch (ProblemException e) {
            String code = "validation".equals(e.code()) ? "year-outside-program" : e.code();
            return new Checked(Arrays.asList(outcomes), List.of(new Refusal(-1, code, "pairing", e.getMessage())));
        }
        List<ValuesInput.Item> items = entries.stream().map(e -> new ValuesInput.Item(e.indicator(), e.value()))
                .toList();
        ValuesInput body = new ValuesInput(items, reason);
        List<Refusal> refusals = new ArrayList<>();
        boolean[] refused = new boolean[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Refusal refusal = valueRefusal(i, entries.get(i).value());
            if (refusal != null) {
                refusals.add(refusal);
                refused[i] = true;
            }
        }
        for (PairYearValues.ItemRefusal refusal : PairYearValues.refusals(kind, items, PairYearValues.known(body))) {
            refusals.add(new Refusal(refusal.index(), refusal.code(), "indicator", refusal.message()));
            refused[refusal.index()] = true;
        }
        Map<String, IndicatorValue> stored = PairYearValues.stored(pairingId, year, kind);
        boolean changes = false;
        for (int i = 0; i < entries.size(); i++) {
            if (!refused[i]) {
                outcomes[i] = Outcome.valueOf(PairYearValues.outcome(stored.get(entries.get(i).indicator()),
                        entries.get(i).value()).name());
                changes |= outcomes[i] != Outcome.UNCHANGED;
            }
        }
        String given = reason == null || reason.isBlank() ? null : reason.strip();
        if (changes && pairYear != null && pairYear.needsReason() && given == null) {
            refusals.add(new Refusal(-1, "reason-required", "reason", "the actuals of " + year
                    + " were submitted before, so every change needs a reason"));
        }
        return new Checked(Arrays.asList(outcomes), refusals);
    }

    /**
     * Writes the entries exactly as {@code PUT .../targets} or {@code .../actuals} does (without If-Match), in the
     * caller's transaction; refuses with the same problems.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(long pairingId, int year, ValueKind kind, List<Entry> entries, String reason) {
        Pairing pairing = PairYearValues.pairingIn(pairingId, year);
        List<ValuesInput.Item> items = entries.stream().map(e -> new ValuesInput.Item(e.indicator(), e.value()))
                .toList();
        values.write(pairing, year, kind, new ValuesInput(items, reason), null);
    }

    /** The pairing, provided the year lies within its programme's years (else 404 or 400 naming year). */
    public Pairing pairingIn(long pairingId, int year) {
        return PairYearValues.pairingIn(pairingId, year);
    }

    /** The pair-year's stored values of {@code kind}, by indicator code. */
    public Map<String, BigDecimal> values(long pairingId, int year, ValueKind kind) {
        Map<String, BigDecimal> values = new java.util.HashMap<>();
        PairYearValues.stored(pairingId, year, kind).forEach((code, value) -> values.put(code, value.quantity));
        return values;
    }

    /** The stored values of {@code kind} of these pairings in {@code year}: by pairing, then by indicator code. */
    public Map<Long, Map<String, BigDecimal>> values(List<Long> pairingIds, int year, ValueKind kind) {
        Map<Long, Map<String, BigDecimal>> values = new java.util.HashMap<>();
        for (int i = 0; i < pairingIds.size(); i += 1000) {
            IndicatorValue.getEntityManager().createQuery("select v.pairing.id, v.indicator.code, v.quantity"
                    + " from IndicatorValue v where v.pairing.id in :pairings and v.calendarYear = :year"
                    + " and v.kind = :kind", Object[].class)
                    .setParameter("pairings", pairingIds.subList(i, Math.min(pairingIds.size(), i + 1000)))
                    .setParameter("year", year).setParameter("kind", kind).getResultList()
                    .forEach(row -> values.computeIfAbsent((Long) row[0], k -> new java.util.HashMap<>())
                            .put((String) row[1], (BigDecimal) row[2]));
        }
        return values;
    }

    /** The active indicators, by track and code, their tracks fetched. */
    public List<Indicator> activeIndicators() {
        return Indicator.list("from Indicator i join fetch i.track where i.active = true order by i.track.position, i.code");
    }

    /** The constraints {@link ValuesInput.Item#value()} declares for the JSON API: not negative, 16.4 digits. */
    private static Refusal valueRefusal(int index, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            return new Refusal(index, "negative-value", "value", "must not be negative");
        }
        BigDecimal plain = value.stripTrailingZeros();
        int fraction = Math.max(plain.scale(), 0);
        int integer = plain.precision() - plain.scale();
        if (fraction > 4 || integer > 16) {
            return new Refusal(index, "too-many-digits", "value",
                    "must have at most 16 digits before and 4 after the point");
        }
        return null;
    }
}
