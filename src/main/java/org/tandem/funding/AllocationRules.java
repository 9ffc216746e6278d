package org.tandem.funding;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tandem.problem.ProblemException;
import org.tandem.registry.Program;
import org.tandem.security.Actor;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writing allocation rules: a draft is the next version of its programme-year; publishing freezes it. Callers run
 * the writes in a transaction, with the rule read by {@link #require} in it.
 */
@ApplicationScoped
class AllocationRules {

    private static final Map<String, String> SORTABLE = Map.of("id", "r.id", "number", "r.number");

    @Inject
    ObjectMapper json;
    @Inject
    Actor actor;

    PageOf<RuleView> list(String code, int year, PageRequest paging) {
        Program program = programYear(code, year);
        List<RuleView> items = AllocationRule.<AllocationRule> find(
                "from AllocationRule r join fetch r.program where r.program = ?1 and r.year = ?2",
                paging.toSort(SORTABLE, "number", "r.id"), program, year).page(paging.toPage()).list().stream()
                .map(this::view).toList();
        return PageOf.of(items, paging, () -> AllocationRule.count("program = ?1 and year = ?2", program, year));
    }

    /** The rule with its programme, or 404. */
    AllocationRule require(long id) {
        AllocationRule rule = AllocationRule.find("from AllocationRule r join fetch r.program where r.id = ?1", id)
                .firstResult();
        if (rule == null) {
            throw ProblemException.notFound("allocation rule", id);
        }
        return rule;
    }

    /** The latest published rule of a programme-year; 409 when there is none. */
    static AllocationRule latestPublished(Program program, int year) {
        AllocationRule rule = AllocationRule.<AllocationRule> find(
                "program = ?1 and year = ?2 and status = ?3 order by number desc", program, year, RuleStatus.PUBLISHED)
                .firstResult();
        if (rule == null) {
            throw ProblemException.conflict("no-published-allocation-rule",
                    "program " + program.code + " has no published allocation rule for " + year);
        }
        return rule;
    }

    AllocationRule create(String code, int year, RuleInput input) {
        Program program = programYear(code, year);
        AllocationRule rule = new AllocationRule();
        rule.program = program;
        rule.year = year;
        Integer last = AllocationRule.getEntityManager().createQuery(
                "select max(r.number) from AllocationRule r where r.program = :program and r.year = :year",
                Integer.class).setParameter("program", program).setParameter("year", year).getSingleResult();
        rule.number = last == null ? 1 : last + 1;
        rule.status = RuleStatus.DRAFT;
        apply(rule, input);
        rule.persistAndFlush();
        return rule;
    }

    RuleView update(AllocationRule rule, RuleInput input) {
        rule.checkEditable();
        apply(rule, input);
        rule.persistAndFlush();
        return view(rule);
    }

    RuleView publish(AllocationRule rule) {
        rule.publish(actor.name());
        rule.persistAndFlush();
        return view(rule);
    }

    RuleView view(AllocationRule r) {
        return new RuleView(r.id, r.program.code, r.year, r.number, r.status, r.name, r.description, r.example,
                terms(r), r.publishedAt, r.publishedBy);
    }

    AllocationTerms terms(AllocationRule rule) {
        try {
            return json.readValue(rule.terms, AllocationTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored terms of allocation rule " + rule.id + " are unreadable", e);
        }
    }

    /** The programme, 404 if unknown; 400 unless the year is one of its years. */
    static Program programYear(String code, int year) {
        Program program = Program.require(code);
        if (!program.covers(year)) {
            throw ProblemException.invalid("year",
                    "must be within the program's years " + program.startYear + "–" + program.endYear);
        }
        return program;
    }

    private void apply(AllocationRule rule, RuleInput input) {
        AllocationTerms terms = input.terms().checked();
        rule.name = input.name();
        rule.description = input.description();
        rule.example = Boolean.TRUE.equals(input.example());
        try {
            rule.terms = json.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("allocation terms could not be written as JSON", e);
        }
    }
}
