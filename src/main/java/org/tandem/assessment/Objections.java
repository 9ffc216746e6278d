package org.tandem.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import org.tandem.notification.Notice;
import org.tandem.notification.NotificationType;
import org.tandem.notification.Notifications;
import org.tandem.problem.Problem;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Program;
import org.tandem.security.Access;
import org.tandem.security.Actor;
import org.tandem.security.CurrentUserAugmentor;
import org.tandem.security.Roles;
import org.tandem.web.InList;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The objection window (公示) of a programme-year: publishing its assessments for a number of days, the objections
 * the pairs' county editors file while it is open, and an assessor's resolution of each (upheld by an adjustment or
 * a rescore through {@link Assessments}, or rejected). The rules are the entities' ({@link ObjectionWindow},
 * {@link Objection}); callers run the writes in a transaction.
 */
@ApplicationScoped
class Objections {

    /** An objection with everything its view shows, in one query. */
    private static final String FETCH = "select o from Objection o join fetch o.assessment join fetch o.program"
            + " join fetch o.pairing p join fetch p.industrialCounty join fetch p.mountainCounty"
            + " left join fetch o.adjustment";

    @Inject
    Assessments assessments;
    @Inject
    Access access;
    @Inject
    Actor actor;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;
    @Inject
    Notifications notifications;

    /** Publishes the assessments of programme {@code code} in {@code year} for objections for {@code days} days. */
    ObjectionViews.Publication publish(String code, int year, int days) {
        Program program = programYear(code, year);
        // One publisher at a time per programme: the second finds the first's window.
        Rankings.lock(program);
        if (Assessment.count("program = ?1 and year = ?2", program, year) == 0) {
            throw ProblemException.conflict("no-assessments", "no assessment of " + code + " in " + year
                    + " has been computed; run the annual assessment first");
        }
        ObjectionWindow existing = ObjectionWindow.of(program, year);
        if (existing != null) {
            throw ProblemException.conflict("already-published", "the assessments of " + code + " in " + year
                    + " were published for objections at " + existing.publishedAt + " by " + existing.publishedBy);
        }
        ObjectionWindow window = ObjectionWindow.open(program, year, days, actor.name(), clock.instant());
        List<String> counties = Objection.getEntityManager().createQuery("select p.industrialCounty.code,"
                + " p.mountainCounty.code from Pairing p where p.program = :program", Object[].class)
                .setParameter("program", program).getResultStream().flatMap(row -> java.util.Arrays.stream(row))
                .map(String.class::cast).distinct().toList();
        notifications.record(Notice.of(NotificationType.RESULTS_PUBLISHED, "ObjectionWindow", window.id)
                .toCounties(counties).toRoles(Roles.ASSESSOR, Roles.VIEWER).with("program", code).with("year", year)
                .with("days", days).with("closesAt", window.closesAt));
        return publication(window);
    }

    /** The objection window of programme {@code code} in {@code year}; 404 when it was not published. */
    ObjectionWindow window(String code, int year) {
        ObjectionWindow window = ObjectionWindow.of(programYear(code, year), year);
        if (window == null) {
            throw new ProblemException(404, "not-found", "Not found", "the assessments of " + code + " in " + year
                    + " have not been published for objections", null);
        }
        return window;
    }

    /** Programme {@code code}, 404 when there is none; 400 when {@code year} is not one of its years. */
    private static Program programYear(String code, int year) {
        Program program = Program.require(code);
        if (year < program.startYear || year > program.endYear) {
            throw ProblemException.invalid("year", "must be a year of the programme, " + program.startYear + " to "
                    + program.endYear);
        }
        return program;
    }

    /** The window with its objections counted by state, as of now. */
    ObjectionViews.Publication publication(ObjectionWindow window) {
        Map<ObjectionState, Long> counts = new HashMap<>();
        Objection.getEntityManager().createQuery("select o.state, count(o) from Objection o"
                + " where o.program = :program and o.year = :year group by o.state", Object[].class)
                .setParameter("program", window.program).setParameter("year", window.year).getResultList()
                .forEach(row -> counts.put((ObjectionState) row[0], (Long) row[1]));
        return new ObjectionViews.Publication(window.program.code, window.year, window.days, window.publishedAt,
                window.closesAt, window.publishedBy, window.isOpenAt(clock.instant()),
                counts.getOrDefault(ObjectionState.OPEN, 0L), counts.getOrDefault(ObjectionState.UPHELD, 0L),
                counts.getOrDefault(ObjectionState.REJECTED, 0L));
    }

    /** Files the caller's objection to {@code assessment}: an editor of one of its pair's counties, in the window. */
    Objection file(Assessment assessment, ObjectionViews.ObjectionInput input) {
        access.checkPairing(assessment.pairing);
        String county = identity.hasRole(Roles.ADMIN) ? null : identity.getAttribute(CurrentUserAugmentor.COUNTY);
        Objection objection = Objection.file(assessment, ObjectionWindow.of(assessment.program, assessment.year),
                input.reason(), actor.name(), county, clock.instant());
        notifications.record(Notice.of(NotificationType.OBJECTION_FILED, "Objection", objection.id)
                .pairYear(assessment.pairing.id, assessment.year).toCounties(assessment.pairing.countyCodes())
                .toRoles(Roles.ASSESSOR).with("program", assessment.program.code).with("assessment", assessment.id)
                .with("reason", input.reason()));
        return objection;
    }

    /** Objection {@code id} of assessment {@code assessmentId}; 404 when there is none the caller may see. */
    Objection require(long assessmentId, long id) {
        List<Objection> found = Objection.getEntityManager()
                .createQuery(FETCH + " where o.id = :id and o.assessment.id = :assessment", Objection.class)
                .setParameter("id", id).setParameter("assessment", assessmentId).getResultList();
        String county = ownCounty();
        if (found.isEmpty() || county != null && !found.get(0).pairing.countyCodes().contains(county)) {
            throw ProblemException.notFound("objection", id + " of assessment " + assessmentId);
        }
        return found.get(0);
    }

    /**
     * Resolves an open objection: UPHELD adjusts the assessment (the adjustment linked to the objection) or scores it
     * again from its pair's current data, the totals and breakdowns before and after kept; REJECTED leaves it as it is.
     */
    ObjectionViews.ObjectionView resolve(Objection objection, ObjectionViews.ResolutionInput input) {
        checkCoherent(input);
        if (input.outcome() == ObjectionViews.Outcome.REJECTED) {
            objection.rejected(input.reason(), actor.name(), clock.instant());
        } else {
            objection.checkResolvable();
            Assessment assessment = objection.assessment;
            BigDecimal totalWas = assessment.total;
            Long breakdownWas = assessment.breakdown.id;
            AssessmentAdjustment caused = null;
            if (input.remedy() == ObjectionRemedy.ADJUSTMENT) {
                caused = assessments.addAdjustment(assessment, input.adjustment());
            } else {
                assessments.rescore(assessment);
            }
            objection.upheld(input.remedy(), caused, input.reason(), totalWas, breakdownWas, actor.name(),
                    clock.instant());
        }
        objection.persistAndFlush();
        notifications.record(Notice.of(NotificationType.OBJECTION_RESOLVED, "Objection", objection.id)
                .pairYear(objection.pairing.id, objection.year).toCounties(objection.pairing.countyCodes())
                .toRoles(Roles.ASSESSOR).with("program", objection.program.code).with("outcome", objection.state)
                .with("reason", objection.resolutionReason).with("totalBefore", objection.totalBefore)
                .with("totalAfter", objection.totalAfter));
        return ObjectionViews.ObjectionView.of(objection);
    }

    /** An outcome with the remedy it needs, and nothing it does not. */
    private static void checkCoherent(ObjectionViews.ResolutionInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.outcome() == ObjectionViews.Outcome.UPHELD) {
            if (input.remedy() == null) {
                errors.add(new Problem.FieldError("remedy", "is required when the objection is UPHELD: ADJUSTMENT or RESCORE"));
            } else if (input.remedy() == ObjectionRemedy.ADJUSTMENT && input.adjustment() == null) {
                errors.add(new Problem.FieldError("adjustment", "is required for the remedy ADJUSTMENT"));
            } else if (input.remedy() == ObjectionRemedy.RESCORE && input.adjustment() != null) {
                errors.add(new Problem.FieldError("adjustment", "must be absent for the remedy RESCORE"));
            }
        } else {
            if (input.remedy() != null) {
                errors.add(new Problem.FieldError("remedy", "must be absent when the objection is REJECTED"));
            }
            if (input.adjustment() != null) {
                errors.add(new Problem.FieldError("adjustment", "must be absent when the objection is REJECTED"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** A page of the objections of programme {@code code} in {@code year}, of one state or all, those the caller sees. */
    PageOf<ObjectionViews.ObjectionView> ofProgramYear(String code, int year, ObjectionState state,
            PageRequest paging) {
        Program program = programYear(code, year);
        return page("o.program = :program and o.year = :year", Map.of("program", program, "year", year), state,
                paging);
    }

    /** A page of the objections to {@code assessment}, of one state or all, those the caller sees. */
    PageOf<ObjectionViews.ObjectionView> ofAssessment(Assessment assessment, ObjectionState state,
            PageRequest paging) {
        return page("o.assessment = :assessment", Map.of("assessment", assessment), state, paging);
    }

    /**
     * The page's ids read from an index on the filter (program, year, state or assessment, state) in the requested
     * order, then their views in one query, then the count: three statements whatever the page size.
     */
    private PageOf<ObjectionViews.ObjectionView> page(String filter, Map<String, Object> parameters,
            ObjectionState state, PageRequest paging) {
        Sort sort = paging.toSort(Map.of("id", "o.id", "filedAt", "o.filedAt", "state", "o.state"), "id", "o.id");
        StringBuilder where = new StringBuilder(" where ").append(filter);
        Map<String, Object> bound = new HashMap<>(parameters);
        if (state != null) {
            where.append(" and o.state = :state");
            bound.put("state", state);
        }
        String county = ownCounty();
        if (county != null) {
            // A county editor sees its own pairs' objections only.
            where.append(" and o.pairing.id in (select p.id from Pairing p where p.industrialCounty.code = :county"
                    + " or p.mountainCounty.code = :county)");
            bound.put("county", county);
        }
        List<String> order = new ArrayList<>();
        for (Sort.Column column : sort.getColumns()) {
            order.add(column.getName() + (column.getDirection() == Sort.Direction.Descending ? " desc" : ""));
        }
        TypedQuery<Long> ids = Objection.getEntityManager()
                .createQuery("select o.id from Objection o" + where + " order by " + String.join(", ", order), Long.class);
        bound.forEach(ids::setParameter);
        List<Long> page = ids.setFirstResult(paging.page * paging.size).setMaxResults(paging.size).getResultList();
        List<ObjectionViews.ObjectionView> items = new ArrayList<>();
        if (!page.isEmpty()) {
            Map<Long, Objection> byId = new HashMap<>();
            InList in = InList.of("id", page);
            in.bind(Objection.getEntityManager().createQuery(FETCH + " where o.id in " + in.sql(), Objection.class))
                    .getResultList().forEach(o -> byId.put(o.id, o));
            page.forEach(id -> items.add(ObjectionViews.ObjectionView.of(byId.get(id))));
        }
        long total = paging.total(() -> {
            TypedQuery<Long> count = Objection.getEntityManager()
                    .createQuery("select count(o) from Objection o" + where, Long.class);
            bound.forEach(count::setParameter);
            return count.getSingleResult();
        });
        return new PageOf<>(items, paging.page, paging.size, total);
    }

    /**
     * The county whose pairs alone the caller sees objections of, or null for every pair (admins, assessors,
     * viewers). A county editor bound to no county sees none.
     */
    private String ownCounty() {
        if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.ASSESSOR) || identity.hasRole(Roles.VIEWER)) {
            return null;
        }
        String county = identity.getAttribute(CurrentUserAugmentor.COUNTY);
        return county == null ? "" : county;
    }
}
