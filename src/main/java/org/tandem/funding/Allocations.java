package org.tandem.funding;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.tandem.problem.ProblemException;
import org.tandem.registry.CountyRef;
import org.tandem.registry.Program;
import org.tandem.security.Actor;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Computing a programme-year's allocation from its pairs' finalized assessments ({@link Split}) and approving it
 * into the ledger. The assessments are read as rows (one statement for every pair), not as entities of the
 * assessment feature. Callers run the writes in a transaction.
 */
@ApplicationScoped
class Allocations {

    private static final Map<String, String> SORTABLE = Map.of("id", "a.id");

    @Inject
    AllocationRules rules;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Actor actor;

    /** A pair of the programme with its assessment of the year, if any. */
    private record Assessed(long pairing, CountyRef industrial, CountyRef mountain, Long assessment,
            BigDecimal total, String grade, Boolean passed, String status) {
    }

    PageOf<AllocationView> list(String code, int year, PageRequest paging, String ownCounty) {
        Program program = AllocationRules.programYear(code, year);
        List<AllocationView> items = Allocation.<Allocation> find("from Allocation a join fetch a.program"
                + " join fetch a.rule where a.program = ?1 and a.year = ?2", paging.toSort(SORTABLE, "id", "a.id"),
                program, year).page(paging.toPage()).list().stream().map(a -> view(a, ownCounty)).toList();
        return PageOf.of(items, paging, () -> Allocation.count("program = ?1 and year = ?2", program, year));
    }

    Allocation require(long id) {
        Allocation allocation = Allocation.find("from Allocation a join fetch a.program join fetch a.rule"
                + " where a.id = ?1", id).firstResult();
        if (allocation == null) {
            throw ProblemException.notFound("allocation", id);
        }
        return allocation;
    }

    /** A new draft: the split of the rule's total among the programme-year's pairs, from their assessments. */
    Allocation compute(String code, int year, Long ruleId) {
        Program program = AllocationRules.programYear(code, year);
        AllocationRule rule;
        if (ruleId == null) {
            rule = AllocationRules.latestPublished(program, year);
        } else {
            rule = AllocationRule.find("from AllocationRule r join fetch r.program where r.id = ?1", ruleId)
                    .firstResult();
            if (rule == null || !rule.program.id.equals(program.id) || rule.year != year) {
                throw ProblemException.invalid("rule", "no allocation rule " + ruleId + " of " + code + " " + year);
            }
        }
        rule.checkUsable();
        AllocationTerms terms = rules.terms(rule);
        List<Assessed> assessed = assessed(program.id, year);
        check(assessed, terms, code, year);
        List<Split.Candidate> candidates = assessed.stream()
                .map(a -> new Split.Candidate(a.pairing(), a.total(), a.grade(), a.passed())).toList();
        Split.Result result = Split.of(terms.split(), candidates);
        List<AllocationView.Line> lines = new ArrayList<>();
        for (int i = 0; i < assessed.size(); i++) {
            Assessed a = assessed.get(i);
            Split.Share s = result.shares().get(i);
            lines.add(new AllocationView.Line(a.pairing(), a.industrial(), a.mountain(), a.assessment(), a.total(),
                    a.grade(), a.passed(), s.baseEligible(), s.coefficient(), s.exactBase(), s.exactMerit(),
                    s.capped(), s.exact(), s.roundedDown(), s.remainderFen(), s.extraFen(), s.amount(),
                    s.industrialAmount(), s.mountainAmount()));
        }
        AllocationView.Breakdown breakdown = new AllocationView.Breakdown(result.basePool(), result.meritPool(),
                result.baseEligible(), result.coefficientSum(), result.fenPlacedByRemainder(), Split.ROUNDING, lines);
        Allocation allocation = new Allocation();
        allocation.program = program;
        allocation.year = year;
        allocation.rule = rule;
        allocation.status = AllocationStatus.DRAFT;
        allocation.total = result.total();
        allocation.reserve = result.reserve();
        allocation.inputsDigest = digest(rule, assessed);
        allocation.breakdown = write(breakdown);
        allocation.computedBy = actor.name();
        allocation.persistAndFlush();
        return allocation;
    }

    /**
     * Approves a draft whose inputs are unchanged and writes each pair's amount into the ledger; the programme is
     * locked meanwhile, so that two approvals of one year cannot both pass.
     */
    AllocationView approve(Allocation allocation) {
        em.createNativeQuery("select id from program where id = :id for update")
                .setParameter("id", allocation.program.id).getResultList();
        long approved = Allocation.count("program = ?1 and year = ?2 and status = ?3 and id <> ?4",
                allocation.program, allocation.year, AllocationStatus.APPROVED, allocation.id);
        if (approved > 0) {
            throw ProblemException.conflict("allocation-already-approved", "an allocation of "
                    + allocation.program.code + " " + allocation.year
                    + " is approved already; change it through ledger entries (corrections)");
        }
        allocation.approve(digest(allocation.rule, assessed(allocation.program.id, allocation.year)), actor.name());
        allocation.persistAndFlush();
        for (AllocationView.Line line : read(allocation).lines()) {
            if (line.amount().signum() > 0) {
                LedgerEntry.allocated(allocation, line.pairing(), line.amount(), actor.name()).persist();
            }
        }
        LedgerEntry.flush();
        return view(allocation, null);
    }

    AllocationView view(Allocation a, String ownCounty) {
        AllocationView.Breakdown breakdown = read(a);
        if (ownCounty != null) {
            breakdown = new AllocationView.Breakdown(breakdown.basePool(), breakdown.meritPool(),
                    breakdown.baseEligible(), breakdown.coefficientSum(), breakdown.fenPlacedByRemainder(),
                    breakdown.roundingRule(), breakdown.lines().stream().filter(l -> l.industrialCounty().code()
                            .equals(ownCounty) || l.mountainCounty().code().equals(ownCounty)).toList());
        }
        return new AllocationView(a.id, a.program.code, a.year, a.rule.id, a.rule.number, a.rule.example, a.status,
                a.total, a.total.subtract(a.reserve), a.reserve, a.inputsDigest, a.createdAt, a.computedBy,
                a.approvedAt, a.approvedBy, breakdown);
    }

    /** Every pair of the programme but the dissolved ones, with its assessment of the year; one statement. */
    @SuppressWarnings("unchecked")
    private List<Assessed> assessed(long program, int year) {
        List<Object[]> rows = em.createNativeQuery("select p.id, ic.code, ic.name, mc.code, mc.name, a.id,"
                + " a.total, a.grade_code, a.passed, a.status from pairing p"
                + " join county ic on ic.code = p.industrial_county_code"
                + " join county mc on mc.code = p.mountain_county_code"
                + " left join assessment a on a.pairing_id = p.id and a.calendar_year = :year"
                + " where p.program_id = :program and p.status <> 'DISSOLVED' order by p.id")
                .setParameter("program", program).setParameter("year", year).getResultList();
        return rows.stream().map(r -> new Assessed(((Number) r[0]).longValue(),
                new CountyRef((String) r[1], (String) r[2]), new CountyRef((String) r[3], (String) r[4]),
                r[5] == null ? null : ((Number) r[5]).longValue(),
                r[6] == null ? null : new BigDecimal(r[6].toString()), (String) r[7], (Boolean) r[8],
                (String) r[9])).toList();
    }

    private static void check(List<Assessed> assessed, AllocationTerms terms, String code, int year) {
        if (assessed.isEmpty()) {
            throw ProblemException.conflict("no-pairings", code + " has no pairs to allocate to");
        }
        List<Long> open = assessed.stream().filter(a -> !"FINALIZED".equals(a.status())).map(Assessed::pairing)
                .toList();
        if (!open.isEmpty()) {
            throw ProblemException.conflict("assessments-not-finalized", "every pair's assessment of " + year
                    + " must be finalized before allocating; not finalized (or not assessed): pairings " + open);
        }
        TreeSet<String> missing = new TreeSet<>();
        assessed.stream().map(Assessed::grade).filter(g -> !terms.coefficients().containsKey(g))
                .forEach(missing::add);
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("grade-without-coefficient",
                    "the rule gives no coefficient for grades " + missing + " that assessments of " + year + " have");
        }
    }

    /** What the split depends on: the rule, and every pair with its assessment's result and status. */
    private static String digest(AllocationRule rule, List<Assessed> assessed) {
        StringBuilder text = new StringBuilder("rule ").append(rule.id).append('\n');
        for (Assessed a : assessed) {
            text.append(a.pairing()).append('|').append(a.assessment()).append('|')
                    .append(a.total() == null ? null : a.total().stripTrailingZeros().toPlainString()).append('|')
                    .append(a.grade()).append('|').append(a.passed()).append('|').append(a.status()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private AllocationView.Breakdown read(Allocation allocation) {
        try {
            return json.readValue(allocation.breakdown, AllocationView.Breakdown.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored breakdown of allocation " + allocation.id + " is unreadable", e);
        }
    }

    private String write(AllocationView.Breakdown breakdown) {
        try {
            return json.writeValueAsString(breakdown);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("allocation breakdown could not be written as JSON", e);
        }
    }
}
