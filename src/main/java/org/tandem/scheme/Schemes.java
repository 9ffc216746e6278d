package org.tandem.scheme;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Program;
import org.tandem.scoring.SchemeValidator;
import org.tandem.scoring.Violation;
import org.tandem.security.Actor;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

/**
 * Writing scoring schemes: a draft is the next version of its programme-year, checked as a whole against the
 * catalogue; publishing checks it again and freezes it. Callers run the writes in a transaction, with the scheme
 * read by {@link #require} in it.
 */
@ApplicationScoped
class Schemes {

    private static final Map<String, String> SORTABLE = Map.of("id", "s.id", "year", "s.year", "number",
            "s.number");

    @Inject
    SchemeRulesCodec codec;
    @Inject
    Actor actor;

    PageOf<SchemeView> list(String program, Integer year, SchemeStatus status, PageRequest paging) {
        Filter filter = new Filter();
        filter.and("s.program.code = :program", "program", program);
        filter.and("s.year = :year", "year", year);
        filter.and("s.status = :status", "status", status);
        List<SchemeView> items = Scheme.<Scheme> find("from Scheme s join fetch s.program" + filter.where(),
                paging.toSort(SORTABLE, "id", "s.id"), filter.params()).page(paging.toPage()).list().stream()
                .map(this::view).toList();
        return new PageOf<>(items, paging.page, paging.size, filter.count("from Scheme s"));
    }

    /** The scheme with its programme, or 404. */
    Scheme require(long id) {
        Scheme scheme = Scheme.find("from Scheme s join fetch s.program where s.id = ?1", id).firstResult();
        if (scheme == null) {
            throw ProblemException.notFound("scoring scheme", id);
        }
        return scheme;
    }

    /** A new draft, the next version of its programme-year. */
    Scheme create(SchemeInput input) {
        Program program = Program.findByCode(input.program());
        if (program == null) {
            throw ProblemException.invalid("program", "no program with code " + input.program());
        }
        if (!program.covers(input.year())) {
            throw ProblemException.invalid("year",
                    "must be within the program's years " + program.startYear + "–" + program.endYear);
        }
        Scheme scheme = new Scheme();
        scheme.program = program;
        scheme.year = input.year();
        Integer last = Scheme.getEntityManager().createQuery(
                "select max(s.number) from Scheme s where s.program = :program and s.year = :year", Integer.class)
                .setParameter("program", program).setParameter("year", input.year()).getSingleResult();
        scheme.number = last == null ? 1 : last + 1;
        scheme.status = SchemeStatus.DRAFT;
        apply(scheme, input);
        scheme.persistAndFlush();
        return scheme;
    }

    /** Replaces a draft; its programme and year stay. */
    SchemeView update(Scheme scheme, SchemeInput input) {
        scheme.checkEditable();
        if (!scheme.program.code.equals(input.program()) || scheme.year != input.year()) {
            throw ProblemException.conflict("scheme-program-year-immutable",
                    "a scheme stays with its program and year; create a new one instead");
        }
        apply(scheme, input);
        scheme.persistAndFlush();
        return view(scheme);
    }

    SchemeView publish(Scheme scheme) {
        scheme.checkEditable();
        // The catalogue may have changed since the draft was saved: publish only what still holds.
        validate(codec.read(scheme), Catalogue.load());
        scheme.status = SchemeStatus.PUBLISHED;
        scheme.publishedAt = OffsetDateTime.now();
        scheme.publishedBy = actor.name();
        scheme.persistAndFlush();
        return view(scheme);
    }

    SchemeView view(Scheme s) {
        return new SchemeView(s.id, s.program.code, s.year, s.number, s.status, s.name, s.description, s.example,
                codec.read(s), s.publishedAt, s.publishedBy);
    }

    private void apply(Scheme scheme, SchemeInput input) {
        Catalogue catalogue = Catalogue.load();
        SchemeRules rules = input.rules().completed(catalogue.directionOf());
        validate(rules, catalogue);
        scheme.name = input.name();
        scheme.description = input.description();
        scheme.example = Boolean.TRUE.equals(input.example());
        scheme.rules = codec.write(rules);
    }

    private static void validate(SchemeRules rules, Catalogue catalogue) {
        List<Violation> violations = SchemeValidator.validate(rules.toEngine(catalogue.trackOf()),
                catalogue.trackCodes(), catalogue.trackOf());
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError("rules." + v.path(), v.message())).toList();
            throw new ProblemException(400, "invalid-scheme", "Invalid scoring scheme",
                    violations.size() == 1 ? "rules." + violations.get(0).path() + ": " + violations.get(0).message()
                            : violations.size() + " rules of the scheme are invalid",
                    errors);
        }
    }
}
