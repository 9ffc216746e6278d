package org.tandem.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tandem.IdArray;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.YearLock;
import org.tandem.security.Access;
import org.tandem.security.Actor;

/**
 * Bulk writes of many pair-years' targets or actuals for other features (the spreadsheet import): first checked
 * without writing, each refusal with a stable code, then written by the very code behind PUT targets / actuals
 * ({@link PairYearValues#apply}), with its scopes, locks, workflow rules and history. What both need is read once
 * ({@link #load}), in a fixed number of statements per thousand pairings, whatever the number of pair-years.
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
    Access access;
    @Inject
    Actor actor;

    /** One pair-year's entries of a bulk check. */
    public record Group(long pairing, int year, List<Entry> entries) {
    }

    /**
     * Reads what checking and writing these pair-years' entries needs, once for all of them, in the caller's
     * transaction and in a fixed number of statements per thousand pairings: the pairings, their year locks, their
     * pair-years, the indicators named and the values stored. With {@code hold} it first locks the pairings' rows to
     * the end of the transaction, in id order, as a single write of a pair locks its own: no finalization can then
     * lock one of their years before this transaction commits, so what {@link Batch#check} reports is what
     * {@link Batch#write} finds. An import holds them unless it is a dry run.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Batch load(ValueKind kind, List<Group> groups, boolean hold) {
        if (hold) {
            Pairing.lockRows(groups.stream().map(Group::pairing).toList());
        }
        return new Batch(new Loaded(kind, groups), hold);
    }

    /** Many pair-years' entries, loaded ({@link #load}): checked, then written. */
    public final class Batch {
        private final Loaded loaded;
        private final boolean held;

        private Batch(Loaded loaded, boolean held) {
            this.loaded = loaded;
            this.held = held;
        }

        /** Checks every entry as {@code PUT .../targets} or {@code .../actuals} would, writing nothing. */
        public List<Checked> check(String reason) {
            return loaded.check(reason);
        }

        /**
         * Writes every entry that changes what is stored exactly as {@code PUT .../targets} or {@code .../actuals}
         * does each (without If-Match), flushing once; refuses with a 400 naming the first refusal unless every
         * entry passes {@link #check}. Only a batch loaded with its pairings held is written.
         */
        public void write(String reason) {
            if (!held) {
                throw new IllegalStateException("a batch is written only with its pairings held");
            }
            List<Checked> checked = loaded.check(reason);
            for (Checked one : checked) {
                if (!one.refusals().isEmpty()) {
                    Refusal refusal = one.refusals().get(0);
                    throw ProblemException.invalid(refusal.field(), refusal.message());
                }
            }
            String given = reason == null || reason.isBlank() ? null : reason.strip();
            String who = actor.name();
            OffsetDateTime now = OffsetDateTime.now();
            for (int g = 0; g < loaded.groups.size(); g++) {
                Group group = loaded.groups.get(g);
                List<Object> key = List.of(group.pairing(), group.year());
                List<ValuesInput.Item> changed = new ArrayList<>();
                for (int i = 0; i < group.entries().size(); i++) {
                    if (checked.get(g).outcomes().get(i) != Outcome.UNCHANGED) {
                        Entry entry = group.entries().get(i);
                        changed.add(new ValuesInput.Item(entry.indicator(), entry.value()));
                    }
                }
                if (!changed.isEmpty()) {
                    PairYearValues.apply(loaded.pairings.get(group.pairing()), group.year(), loaded.kind,
                            loaded.pairYears.get(key), changed, loaded.stored.getOrDefault(key, Map.of()),
                            loaded.known, given, who, now);
                }
            }
            PairYear.flush();
        }
    }

    /** What checking and writing many pair-years needs, each read once for all of them. */
    private final class Loaded {
        final ValueKind kind;
        final List<Group> groups;
        final Map<Long, Pairing> pairings = new HashMap<>();
        final YearLock.Held locks;
        final Map<List<Object>, PairYear> pairYears = new HashMap<>();
        final Map<List<Object>, Map<String, IndicatorValue>> stored = new HashMap<>();
        final Map<String, Indicator> known = new HashMap<>();

        Loaded(ValueKind kind, List<Group> groups) {
            this.kind = kind;
            this.groups = groups;
            List<Long> pairingIds = groups.stream().map(Group::pairing).distinct().toList();
            Set<Integer> years = groups.stream().map(Group::year).collect(java.util.stream.Collectors.toSet());
            for (int i = 0; i < pairingIds.size(); i += 1000) {
                List<Long> chunk = pairingIds.subList(i, Math.min(pairingIds.size(), i + 1000));
                Pairing.<Pairing> list("from Pairing p join fetch p.program join fetch p.industrialCounty"
                        + " join fetch p.mountainCounty where p.id in ?1", chunk).forEach(p -> pairings.put(p.id, p));
                PairYear.of(chunk, years).forEach(y -> pairYears.put(List.of(y.pairing.id, y.calendarYear), y));
                IndicatorValue.of(chunk, years, kind).forEach(v -> stored
                        .computeIfAbsent(List.of(v.pairing.id, v.calendarYear), k -> new HashMap<>())
                        .put(v.indicator.code, v));
            }
            locks = YearLock.held(pairingIds);
            Set<String> codes = new HashSet<>();
            groups.forEach(g -> g.entries().forEach(e -> codes.add(e.indicator())));
            if (!codes.isEmpty()) {
                Indicator.<Indicator> list("code in ?1", codes).forEach(indicator -> known.put(indicator.code, indicator));
            }
        }

        List<Checked> check(String reason) {
            List<Checked> checked = new ArrayList<>();
            for (Group group : groups) {
                List<Object> key = List.of(group.pairing(), group.year());
                Pairing pairing = pairings.get(group.pairing());
                String refusal = null;
                String message = null;
                if (pairing == null) {
                    refusal = "not-found";
                    message = "pairing " + group.pairing() + " does not exist";
                } else if (!pairing.program.covers(group.year())) {
                    refusal = "year-outside-program";
                    message = "the year must be within the years of program " + pairing.program.code;
                } else {
                    try {
                        access.checkPairing(pairing);
                        locks.check(group.pairing(), List.of(group.year()));
                        if (kind == ValueKind.ACTUAL && pairYears.containsKey(key)) {
                            pairYears.get(key).checkActualsEditable();
                        }
                    } catch (ProblemException e) {
                        refusal = e.code();
                        message = e.getMessage();
                    }
                }
                if (refusal != null) {
                    checked.add(new Checked(Arrays.asList(new Outcome[group.entries().size()]),
                            List.of(new Refusal(-1, refusal, "pairing", message))));
                    continue;
                }
                checked.add(checkEntries(group.year(), kind, group.entries(), reason, known,
                        stored.getOrDefault(key, Map.of()), pairYears.get(key)));
            }
            return checked;
        }
    }

    /** The rules of the entries themselves, once the pair-year may be written. */
    private static Checked checkEntries(int year, ValueKind kind, List<Entry> entries, String reason,
            Map<String, Indicator> known, Map<String, IndicatorValue> stored, PairYear pairYear) {
        Outcome[] outcomes = new Outcome[entries.size()];
        List<ValuesInput.Item> items = entries.stream().map(e -> new ValuesInput.Item(e.indicator(), e.value()))
                .toList();
        List<Refusal> refusals = new ArrayList<>();
        boolean[] refused = new boolean[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Refusal refusal = valueRefusal(i, entries.get(i).value());
            if (refusal != null) {
                refusals.add(refusal);
                refused[i] = true;
            }
        }
        for (PairYearValues.ItemRefusal refusal : PairYearValues.refusals(kind, items, known)) {
            refusals.add(new Refusal(refusal.index(), refusal.code(), "indicator", refusal.message()));
            refused[refusal.index()] = true;
        }
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

    /**
     * The stored values of {@code kind} of these pairings in {@code year}: by pairing, then by indicator code. One
     * statement, the pairings as an {@link IdArray}.
     */
    public Map<Long, Map<String, BigDecimal>> values(List<Long> pairingIds, int year, ValueKind kind) {
        Map<Long, Map<String, BigDecimal>> values = new HashMap<>();
        if (pairingIds.isEmpty()) {
            return values;
        }
        List<Object[]> rows = IdArray.rows(IndicatorValue.getEntityManager(), "select v.pairing_id,"
                + " v.indicator_code, v.quantity from " + IdArray.table("p") + " join indicator_value v"
                + " on v.pairing_id = p.id where v.calendar_year = ?2 and v.kind = ?3", IndicatorValue.class, pairingIds)
                .setParameter(2, year).setParameter(3, kind.name()).getResultList();
        for (Object[] columns : rows) {
            values.computeIfAbsent(((Number) columns[0]).longValue(), k -> new HashMap<>())
                    .put((String) columns[1], (BigDecimal) columns[2]);
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
