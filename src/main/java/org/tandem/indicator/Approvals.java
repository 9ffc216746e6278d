package org.tandem.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Request;

import org.tandem.problem.ProblemException;
import org.tandem.registry.CountyRef;
import org.tandem.registry.Program;
import org.tandem.security.Access;
import org.tandem.security.Roles;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

/**
 * The approval chains of programmes and the approval inbox: the pair-years waiting for a level, within the caller's
 * scope. The steps themselves go through {@link PairYearValues}, with every other write of a pair-year.
 */
@ApplicationScoped
class Approvals {

    private static final Map<String, String> INBOX_SORTABLE = Map.of("pairing", "p.id", "year", "y.calendarYear",
            "lastSubmittedAt", "y.lastSubmittedAt");

    @Inject
    Access access;

    ApprovalChainView chain(String programCode) {
        Program program = Program.require(programCode);
        ApprovalChain chain = ApprovalChain.findById(program.id);
        return new ApprovalChainView(program.code, chain == null ? ApprovalChain.DEFAULT : chain.levels(),
                chain == null);
    }

    /**
     * Replaces a programme's chain. Refused (409 approval-chain-in-use) while any of its pair-years is SUBMITTED or
     * holds confirmations: they were given under the chain in force.
     */
    @Transactional
    ApprovalChainView replaceChain(String programCode, ApprovalChainView.Input body, Request request) {
        Program program = Program.require(programCode);
        if (request != null) {
            Versions.checkIfMatch(request, () -> chain(programCode));
        }
        ApprovalChain.check(body.levels());
        long inFlight = PairYear.count("pairing.program.id = ?1 and (actualsState = ?2 or approvalsInForce > 0)",
                program.id, ActualsState.SUBMITTED);
        if (inFlight > 0) {
            throw ProblemException.conflict("approval-chain-in-use", inFlight + " pair-year(s) of program " + program.code
                    + " are under approval (SUBMITTED or partly confirmed); the chain can change once they are "
                    + "approved or returned");
        }
        ApprovalChain chain = ApprovalChain.findById(program.id);
        if (chain == null) {
            chain = new ApprovalChain();
            chain.programId = program.id;
            chain.replace(body.levels());
            chain.persist();
        } else {
            chain.replace(body.levels());
        }
        ApprovalChain.flush();
        return chain(programCode);
    }

    /**
     * The pair-years waiting for {@code level} (by default the caller's own), within the caller's scope: a county
     * editor's own pairs where its county has not confirmed, a city reviewer's city's pairs where its city has not
     * approved, every pair for the province. Three statements whatever the page size.
     */
    PageOf<InboxItemView> inbox(ApprovalLevel level, String programCode, Integer year, PageRequest paging) {
        Set<ApprovalLevel> mine = ApprovalLevel.of(access);
        if (level == null) {
            level = mine.contains(ApprovalLevel.PROVINCE) ? ApprovalLevel.PROVINCE
                    : mine.contains(ApprovalLevel.CITY) ? ApprovalLevel.CITY : ApprovalLevel.PAIR_COUNTIES;
        }
        if (!mine.contains(level)) {
            throw new ProblemException(403, "not-your-level", "Forbidden",
                    "you act at " + mine + ", not at " + level, null);
        }
        if (programCode != null) {
            Program.require(programCode);
        }
        Filter filter = new Filter();
        if (level == ApprovalLevel.PAIR_COUNTIES) {
            filter.and("y.actualsState = :draft", "draft", ActualsState.DRAFT);
            filter.and("exists (select 1 from ApprovalChain c where c.programId = pr.id and c.levels like :first)",
                    "first", ApprovalLevel.PAIR_COUNTIES.name() + "%");
        } else {
            filter.and("y.awaitingLevel = :level", "level", level);
        }
        filter.and("pr.code = :program", "program", programCode);
        filter.and("y.calendarYear = :year", "year", year);
        if (!access.hasRole(Roles.ADMIN) && level != ApprovalLevel.PROVINCE) {
            String where = level == ApprovalLevel.CITY ? access.city() : access.county();
            String field = level == ApprovalLevel.CITY ? "cityCode" : "code";
            filter.and("((ic." + field + " = :mine and not exists (select 1 from PairYearApproval a where "
                    + "a.pairYearId = y.id and a.level = :sideLevel and a.side = :industrial)) or (mc." + field
                    + " = :mine and not exists (select 1 from PairYearApproval a where a.pairYearId = y.id"
                    + " and a.level = :sideLevel and a.side = :mountain)))", "mine", where == null ? "-" : where);
            filter.param("sideLevel", level).param("industrial", ApprovalSide.INDUSTRIAL)
                    .param("mountain", ApprovalSide.MOUNTAIN);
        }
        String joins = " join y.pairing p join p.program pr join p.industrialCounty ic join p.mountainCounty mc";
        List<PairYear> found = PairYear.<PairYear> find("select y from PairYear y join fetch y.pairing p join fetch"
                + " p.program pr join fetch p.industrialCounty ic join fetch p.mountainCounty mc" + filter.where(),
                paging.toSort(INBOX_SORTABLE, "pairing", "y.id"), filter.params()).page(paging.toPage()).list();
        Map<Long, List<PairYearApproval>> approvals = new HashMap<>();
        for (PairYearApproval approval : PairYearApproval
                .inForce(found.stream().filter(y -> y.approvalsInForce > 0).map(y -> y.id).toList())) {
            approvals.computeIfAbsent(approval.pairYearId, id -> new ArrayList<>()).add(approval);
        }
        ApprovalLevel shown = level;
        List<InboxItemView> items = found.stream().map(y -> {
            List<PairYearApproval> given = approvals.getOrDefault(y.id, List.of());
            return new InboxItemView(y.pairing.id, y.pairing.program.code, y.calendarYear,
                    CountyRef.of(y.pairing.industrialCounty), CountyRef.of(y.pairing.mountainCounty), y.actualsState,
                    shown, shown.sides().stream().filter(side -> !PairYearApproval.has(given, shown, side)).toList(),
                    y.lastSubmittedAt);
        }).toList();
        return PageOf.of(items, paging, () -> filter.count("from PairYear y" + joins));
    }
}
