package org.tandem.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;
import org.tandem.registry.CountyRef;
import org.tandem.registry.Pairing;
import org.tandem.registry.Program;
import org.tandem.security.Actor;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

/**
 * The funding ledger: entries appended, never changed, and the balances summed from them. Every write locks its
 * pair first and checks the pair-year's totals after the entry: nothing pays out more than the net allocation
 * (allocated - clawed back) unless the entry records an admin's override, and nothing claws back more than was
 * allocated. Callers run the writes in a transaction.
 */
@ApplicationScoped
class Ledger {

    private static final Map<String, String> SORTABLE = Map.of("id", "e.id", "year", "e.year", "paidOn", "e.paidOn");
    private static final String FETCH = "from LedgerEntry e join fetch e.program join fetch e.pairing p"
            + " join fetch p.industrialCounty join fetch p.mountainCounty";

    @Inject
    EntityManager em;
    @Inject
    Actor actor;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    PageOf<EntryView> list(String program, Integer year, Long pairing, EntryKind kind, String ownCounty,
            PageRequest paging) {
        Filter filter = new Filter();
        filter.and("e.program.code = :program", "program", program);
        filter.and("e.year = :year", "year", year);
        filter.and("e.pairing.id = :pairing", "pairing", pairing);
        filter.and("e.kind = :kind", "kind", kind);
        filter.and("(e.pairing.industrialCounty.code = :county or e.pairing.mountainCounty.code = :county)",
                "county", ownCounty);
        List<LedgerEntry> entries = LedgerEntry.<LedgerEntry> find(FETCH + filter.where(),
                paging.toSort(SORTABLE, "id", "e.id"), filter.params()).page(paging.toPage()).list();
        Map<Long, Long> reversedBy = reversals(entries.stream().map(e -> e.id).toList());
        List<EntryView> items = entries.stream().map(e -> view(e, reversedBy.get(e.id))).toList();
        return PageOf.of(items, paging, () -> filter.count("from LedgerEntry e"));
    }

    /** Entry {@code id} as the API shows it; 404, or 403 for a county editor's read of another pair's entry. */
    EntryView get(long id, String ownCounty) {
        LedgerEntry entry = require(id, ownCounty);
        return view(entry, reversals(List.of(entry.id)).get(entry.id));
    }

    /** A new entry as the API shows it: nothing reverses it yet. */
    static EntryView viewOfNew(LedgerEntry entry) {
        return view(entry, null);
    }

    /** The corrections that reverse these entries, by the entry each reverses: one statement. */
    private Map<Long, Long> reversals(List<Long> ids) {
        Map<Long, Long> reversedBy = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select e.reversesId, e.id from LedgerEntry e where e.reversesId in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> reversedBy.put((Long) row[0], (Long) row[1]));
        }
        return reversedBy;
    }

    /** The entry, or 404; 403 for a county editor's read of another pair's entry. */
    private LedgerEntry require(long id, String ownCounty) {
        LedgerEntry entry = LedgerEntry.find(FETCH + " where e.id = ?1", id).firstResult();
        if (entry == null) {
            throw ProblemException.notFound("ledger entry", id);
        }
        if (ownCounty != null && !entry.pairing.countyCodes().contains(ownCounty)) {
            throw new ProblemException(403, "not-your-pairing", "Forbidden",
                    "a county editor reads only the ledger of their county's pairs", null);
        }
        return entry;
    }

    /** Appends a disbursement, clawback or correction; {@code admin}: whether the caller may override. */
    LedgerEntry record(EntryInput input, boolean admin) {
        boolean override = Boolean.TRUE.equals(input.override());
        List<Problem.FieldError> missing = new ArrayList<>();
        switch (input.kind()) {
            case ALLOCATION -> throw ProblemException.invalid("kind",
                    "allocation entries are written by approving an allocation");
            case DISBURSEMENT -> {
                need(missing, "pairing", input.pairing());
                need(missing, "year", input.year());
                need(missing, "amount", input.amount());
                need(missing, "paidOn", input.paidOn());
                need(missing, "reference", blankToNull(input.reference()));
            }
            case CLAWBACK -> {
                need(missing, "pairing", input.pairing());
                need(missing, "year", input.year());
                need(missing, "assessment", input.assessment());
                need(missing, "reason", blankToNull(input.reason()));
            }
            case CORRECTION -> {
                need(missing, "reverses", input.reverses());
                need(missing, "reason", blankToNull(input.reason()));
            }
        }
        if (override && blankToNull(input.reason()) == null) {
            missing.add(new Problem.FieldError("reason", "an override must give its reason"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        if (override && !admin) {
            throw new ProblemException(403, "override-admin-only", "Forbidden",
                    "only an admin may record an override", null);
        }
        if (override && input.kind() == EntryKind.CLAWBACK) {
            throw ProblemException.invalid("override", "a clawback has no override");
        }
        LedgerEntry entry = input.kind() == EntryKind.CORRECTION ? correction(input, override)
                : input.kind() == EntryKind.DISBURSEMENT ? disbursement(input, override) : clawback(input);
        entry.persistAndFlush();
        return entry;
    }

    private LedgerEntry disbursement(EntryInput input, boolean override) {
        Pairing pairing = pairYear(input.pairing(), input.year());
        LedgerEntry entry = new LedgerEntry();
        entry.program = pairing.program;
        entry.pairing = pairing;
        entry.year = input.year();
        entry.kind = EntryKind.DISBURSEMENT;
        entry.effect = EntryKind.DISBURSEMENT;
        entry.amount = input.amount();
        entry.trackCode = track(input.track());
        entry.paidOn = input.paidOn();
        entry.reference = input.reference();
        entry.reason = blankToNull(input.reason());
        entry.override = override;
        entry.recordedBy = actor.name();
        checkWithin(totals(pairing.id, entry.year).with(entry), override, pairing, entry.year);
        return entry;
    }

    @SuppressWarnings("unchecked")
    private LedgerEntry clawback(EntryInput input) {
        Pairing pairing = pairYear(input.pairing(), input.year());
        int year = input.year();
        List<Object[]> assessment = em.createNativeQuery("select pairing_id, calendar_year, status, passed from"
                + " assessment where id = :id").setParameter("id", input.assessment()).getResultList();
        if (assessment.isEmpty() || ((Number) assessment.get(0)[0]).longValue() != pairing.id
                || ((Number) assessment.get(0)[1]).intValue() != year) {
            throw ProblemException.invalid("assessment",
                    "no assessment " + input.assessment() + " of pairing " + pairing.id + " in " + year);
        }
        if (!"FINALIZED".equals(assessment.get(0)[2]) || Boolean.TRUE.equals(assessment.get(0)[3])) {
            throw ProblemException.conflict("clawback-needs-failed-assessment", "assessment " + input.assessment()
                    + " must be finalized and below the pass mark for a clawback");
        }
        List<Object> percent = em.createQuery("select r.terms from Allocation a join a.rule r where a.program = :program"
                + " and a.year = :year and a.status = :approved", Object.class).setParameter("program", pairing.program)
                .setParameter("year", year).setParameter("approved", AllocationStatus.APPROVED).getResultList();
        if (percent.isEmpty()) {
            throw ProblemException.conflict("no-approved-allocation",
                    pairing.program.code + " has no approved allocation of " + year + " to claw back from");
        }
        BigDecimal clawbackPercent = clawbackPercent((String) percent.get(0));
        Totals totals = totals(pairing.id, year);
        BigDecimal maximum = totals.allocated.subtract(totals.clawedBack).multiply(clawbackPercent)
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        if (maximum.signum() <= 0) {
            throw ProblemException.conflict("nothing-to-claw-back",
                    "pairing " + pairing.id + " has no net allocation of " + year + " left to claw back");
        }
        BigDecimal amount = input.amount() == null ? maximum : input.amount();
        if (amount.compareTo(maximum) > 0) {
            throw ProblemException.conflict("clawback-exceeds-rule", "at most " + maximum.toPlainString()
                    + " (the rule's " + clawbackPercent.stripTrailingZeros().toPlainString()
                    + "% of the net allocation) can be clawed back");
        }
        LedgerEntry entry = new LedgerEntry();
        entry.program = pairing.program;
        entry.pairing = pairing;
        entry.year = year;
        entry.kind = EntryKind.CLAWBACK;
        entry.effect = EntryKind.CLAWBACK;
        entry.amount = amount;
        entry.trackCode = track(input.track());
        entry.assessmentId = input.assessment();
        entry.reason = input.reason();
        entry.recordedBy = actor.name();
        return entry;
    }

    private LedgerEntry correction(EntryInput input, boolean override) {
        LedgerEntry reversed = LedgerEntry.find(FETCH + " where e.id = ?1", input.reverses()).firstResult();
        if (reversed == null) {
            throw ProblemException.invalid("reverses", "no ledger entry " + input.reverses());
        }
        Pairing.lockRow(reversed.pairing.id);
        if (LedgerEntry.count("reversesId", reversed.id) > 0) {
            throw ProblemException.conflict("entry-already-reversed", "entry " + reversed.id + " is reversed already");
        }
        LedgerEntry entry = reversed.reversal(input.reason(), override, actor.name());
        Totals after = totals(reversed.pairing.id, reversed.year).with(entry);
        if (after.clawedBack.compareTo(after.allocated) > 0) {
            throw ProblemException.conflict("clawback-exceeds-allocation",
                    "the correction would leave more clawed back than allocated");
        }
        checkWithin(after, override, reversed.pairing, reversed.year);
        return entry;
    }

    /** 409 when {@code after} pays out more than the net allocation, unless overridden. */
    private static void checkWithin(Totals after, boolean override, Pairing pairing, int year) {
        BigDecimal net = after.allocated.subtract(after.clawedBack);
        if (!override && after.disbursed.compareTo(net) > 0) {
            throw ProblemException.conflict("overpayment", "pairing " + pairing.id + " would have "
                    + after.disbursed.toPlainString() + " disbursed for " + year + " against a net allocation of "
                    + net.toPlainString() + "; an admin may override with a reason");
        }
    }

    /** The pairing, locked for this transaction; 400 when unknown or the year is not one of its programme's. */
    private Pairing pairYear(long pairingId, int year) {
        Pairing pairing = Pairing.find("from Pairing p join fetch p.program join fetch p.industrialCounty"
                + " join fetch p.mountainCounty where p.id = ?1", pairingId).firstResult();
        if (pairing == null) {
            throw ProblemException.invalid("pairing", "no pairing " + pairingId);
        }
        if (!pairing.program.covers(year)) {
            throw ProblemException.invalid("year", "must be within the program's years " + pairing.program.startYear
                    + "–" + pairing.program.endYear);
        }
        Pairing.lockRow(pairingId);
        return pairing;
    }

    private String track(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Number found = (Number) em.createNativeQuery("select count(*) from track where code = :code")
                .setParameter("code", code).getSingleResult();
        if (found.longValue() == 0) {
            throw ProblemException.invalid("track", "no track " + code);
        }
        return code;
    }

    private BigDecimal clawbackPercent(String terms) {
        try {
            return json.readValue(terms, AllocationTerms.class).clawbackPercent();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored allocation terms are unreadable", e);
        }
    }

    /** A pair-year's sums by effect. */
    private static final class Totals {
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        BigDecimal clawedBack = BigDecimal.ZERO;

        void add(EntryKind effect, BigDecimal amount) {
            switch (effect) {
                case ALLOCATION -> allocated = allocated.add(amount);
                case DISBURSEMENT -> disbursed = disbursed.add(amount);
                case CLAWBACK -> clawedBack = clawedBack.add(amount);
                default -> throw new IllegalStateException("no effect " + effect);
            }
        }

        Totals with(LedgerEntry entry) {
            add(entry.effect, entry.amount);
            return this;
        }
    }

    @SuppressWarnings("unchecked")
    private Totals totals(long pairing, int year) {
        Totals totals = new Totals();
        List<Object[]> rows = em.createNativeQuery("select effect, sum(amount) from ledger_entry where pairing_id ="
                + " :pairing and calendar_year = :year group by effect").setParameter("pairing", pairing)
                .setParameter("year", year).getResultList();
        rows.forEach(r -> totals.add(EntryKind.valueOf((String) r[0]), new BigDecimal(r[1].toString())));
        return totals;
    }

    /**
     * The balances of a programme (in a year, or all years) grouped by pairing, county, track or year; a county
     * editor's only of their county's pairs. One statement for the groups, one for the totals.
     */
    @SuppressWarnings("unchecked")
    BalancesView balances(String code, Integer year, String groupBy, String ownCounty) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("program", "is required");
        }
        String grouping = groupBy == null || groupBy.isBlank() ? "pairing" : groupBy;
        String key;
        String label;
        String join = "";
        switch (grouping) {
            case "pairing" -> {
                key = "cast(p.id as varchar(20))";
                label = "ic.name || '—' || mc.name";
                join = " join county ic on ic.code = p.industrial_county_code"
                        + " join county mc on mc.code = p.mountain_county_code";
            }
            case "county" -> {
                key = "c.code";
                label = "c.name";
                join = " join county c on c.code in (p.industrial_county_code, p.mountain_county_code)";
            }
            case "track" -> {
                key = "coalesce(e.track_code, 'NONE')";
                label = "coalesce(t.name_zh, '未指定')";
                join = " left join track t on t.code = e.track_code";
            }
            case "year" -> {
                key = "cast(e.calendar_year as varchar(4))";
                label = key;
            }
            default -> throw ProblemException.invalid("groupBy", "must be one of pairing, county, track, year");
        }
        Program program = Program.findByCode(code);
        if (program == null) {
            throw ProblemException.invalid("program", "no program with code " + code);
        }
        if (year != null && !program.covers(year)) {
            throw ProblemException.invalid("year",
                    "must be within the program's years " + program.startYear + "–" + program.endYear);
        }
        String where = " where e.program_id = :program" + (year == null ? "" : " and e.calendar_year = :year")
                + (ownCounty == null ? ""
                        : " and (p.industrial_county_code = :county or p.mountain_county_code = :county)");
        var groups = em.createNativeQuery("select " + key + ", " + label + ", e.effect, sum(e.amount)"
                + " from ledger_entry e join pairing p on p.id = e.pairing_id" + join + where + " group by " + key
                + ", " + label + ", e.effect order by 1");
        var all = em.createNativeQuery("select e.effect, sum(e.amount) from ledger_entry e"
                + " join pairing p on p.id = e.pairing_id" + where + " group by e.effect");
        for (var query : List.of(groups, all)) {
            query.setParameter("program", program.id);
            if (year != null) {
                query.setParameter("year", year);
            }
            if (ownCounty != null) {
                query.setParameter("county", ownCounty);
            }
        }
        Map<String, Totals> byKey = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) groups.getResultList()) {
            String k = r[0].toString().trim();
            labels.put(k, (String) r[1]);
            byKey.computeIfAbsent(k, x -> new Totals()).add(EntryKind.valueOf((String) r[2]),
                    new BigDecimal(r[3].toString()));
        }
        Totals totals = new Totals();
        for (Object[] r : (List<Object[]>) all.getResultList()) {
            totals.add(EntryKind.valueOf((String) r[0]), new BigDecimal(r[1].toString()));
        }
        List<BalancesView.Balance> items = new ArrayList<>();
        byKey.forEach((k, t) -> items.add(balance(k, labels.get(k), t)));
        return new BalancesView(program.code, year, grouping, items, balance(program.code, program.name, totals));
    }

    private static BalancesView.Balance balance(String key, String label, Totals t) {
        return new BalancesView.Balance(key, label, money(t.allocated), money(t.disbursed), money(t.clawedBack),
                money(t.allocated.subtract(t.clawedBack).subtract(t.disbursed)));
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static EntryView view(LedgerEntry e, Long reversedBy) {
        return new EntryView(e.id, e.program.code, e.pairing.id, CountyRef.of(e.pairing.industrialCounty),
                CountyRef.of(e.pairing.mountainCounty), e.year, e.kind, e.effect, e.amount, e.trackCode,
                e.allocationId, e.assessmentId, e.reversesId, reversedBy, e.paidOn, e.reference, e.reason,
                e.override, e.recordedBy, e.createdAt);
    }

    private static void need(List<Problem.FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new Problem.FieldError(field, "is required for this kind of entry"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
