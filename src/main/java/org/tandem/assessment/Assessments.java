package org.tandem.assessment;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tandem.notification.Notice;
import org.tandem.notification.NotificationType;
import org.tandem.notification.Notifications;
import org.tandem.problem.ProblemException;
import org.tandem.registry.CountyRef;
import org.tandem.scheme.SchemeRulesCodec;
import org.tandem.scoring.Rounding;
import org.tandem.security.Actor;
import org.tandem.security.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A reviewer's work on an assessment: reading it with its rank and breakdown, adjusting it, finalizing it (which
 * locks its pair's data of the year) and reopening it. The state checks and changes are the {@link Assessment}'s;
 * callers run the writes in a transaction, with the assessment read by {@link #require} in it.
 */
@ApplicationScoped
class Assessments {

    private static final String FETCH = "from Assessment a join fetch a.pairing p join fetch p.industrialCounty"
            + " join fetch p.mountainCounty join fetch a.program join fetch a.scheme join fetch a.breakdown";

    @Inject
    Assessor assessor;
    @Inject
    SchemeRulesCodec codec;
    @Inject
    ObjectMapper json;
    @Inject
    Actor actor;
    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    /** The assessment with everything its detail shows, or 404. */
    Assessment require(long id) {
        Assessment assessment = Assessment.find(FETCH + " where a.id = ?1", id).firstResult();
        if (assessment == null) {
            throw ProblemException.notFound("assessment", id);
        }
        return assessment;
    }

    /** Adds a reviewer's adjustment and scores the assessment again at once. */
    AssessmentViews.Detail adjust(Assessment assessment, AssessmentViews.AdjustmentInput input) {
        addAdjustment(assessment, input);
        return detail(assessment);
    }

    /** Adds a reviewer's adjustment and scores the assessment again at once; returns the adjustment. */
    AssessmentAdjustment addAdjustment(Assessment assessment, AssessmentViews.AdjustmentInput input) {
        Rankings.lock(assessment.program);
        AssessmentAdjustment adjustment = assessment.adjust(codec.read(assessment.scheme).adjustmentItems(),
                input.item(), input.points(), input.reason(), actor.name());
        Assessment.flush();
        rescore(assessment);
        return adjustment;
    }

    /**
     * Scores the open assessment again from its pair's current data and adjustments, under its scheme, and ranks its
     * year again.
     */
    void rescore(Assessment assessment) {
        assessment.checkOpen();
        Rankings.lock(assessment.program);
        long pairingId = assessment.pairing.id;
        var adjustments = AssessmentAdjustment.byPairing(assessment.program, assessment.year);
        Assessor.Scored scored = assessor.score(assessment.scheme, List.of(pairingId), assessment.year, adjustments)
                .get(pairingId);
        assessment.record(scored.result(), scored.inputsDigest(), ScoreBreakdown.of(scored.result(), json));
        assessment.persistAndFlush();
        // The new score may move this assessment and others in the ranking; the detail shows the rank as stored.
        Rankings.rerank(assessment.program, assessment.year);
        Assessment.getEntityManager().refresh(assessment);
    }

    /**
     * Status does not rank (see {@link Rankings}): the ranks stay as they are. Refused while the year is published
     * for objections and the window is open, or an objection to it is unresolved.
     */
    AssessmentViews.Detail finalizeAssessment(Assessment assessment) {
        assessment.finalizeBy(actor.name(), ObjectionWindow.of(assessment.program, assessment.year),
                Objection.anyOpen(assessment), clock.instant());
        notifications.record(Notice.of(NotificationType.RESULTS_FINALIZED, "Assessment", assessment.id)
                .pairYear(assessment.pairing.id, assessment.year).toCounties(assessment.pairing.countyCodes())
                .toRoles(Roles.ASSESSOR, Roles.VIEWER).with("program", assessment.program.code)
                .with("total", assessment.total).with("grade", assessment.gradeCode).with("passed", assessment.passed)
                .with("rank", assessment.rank));
        return detail(assessment);
    }

    AssessmentViews.Detail reopen(Assessment assessment, AssessmentViews.ReopenInput input) {
        assessment.reopen(detail(assessment), input.reason(), actor.name(), json);
        return detail(assessment);
    }

    /**
     * The assessment with its rank as stored, its state, its breakdown, adjustments (each with the objection that
     * caused it, if one did), revisions, and its year's objection window.
     */
    AssessmentViews.Detail detail(Assessment a) {
        ObjectionWindow window = ObjectionWindow.of(a.program, a.year);
        AssessmentViews.Summary summary = new AssessmentViews.Summary(a.id, a.pairing.id,
                CountyRef.of(a.pairing.industrialCounty), CountyRef.of(a.pairing.mountainCounty), a.year,
                a.rank, a.total, a.gradeCode, a.gradeLabel, a.passed, a.vetoed, a.status, a.scheme.id,
                AssessmentState.of(a.status, window != null));
        int openObjections = 0;
        Map<Long, Long> objectionOf = new HashMap<>();
        for (Object[] row : Objection.getEntityManager().createQuery("select o.id, o.state, j.id"
                + " from Objection o left join o.adjustment j where o.assessment = :a", Object[].class).setParameter("a", a)
                .getResultList()) {
            openObjections += row[1] == ObjectionState.OPEN ? 1 : 0;
            if (row[2] != null) {
                objectionOf.put((Long) row[2], (Long) row[0]);
            }
        }
        List<AssessmentViews.AdjustmentView> adjustments = AssessmentAdjustment
                .<AssessmentAdjustment> list("assessment = ?1 order by id", a).stream()
                .map(j -> new AssessmentViews.AdjustmentView(j.id, j.itemCode, j.points, j.reason, j.actor,
                        j.createdAt, objectionOf.get(j.id)))
                .toList();
        List<AssessmentViews.RevisionView> revisions = AssessmentRevision
                .<AssessmentRevision> list("assessment = ?1 order by number", a).stream()
                .map(r -> {
                    AssessmentViews.Summary before = r.summaryBefore(json);
                    return new AssessmentViews.RevisionView(r.number, r.reason, r.actor, r.createdAt, before.total(),
                            before.grade());
                }).toList();
        return new AssessmentViews.Detail(summary, a.program.code, a.scheme.number, a.run == null ? null : a.run.id,
                a.inputsDigest, a.computedAt, a.finalizedAt, a.finalizedBy, a.breakdown.result(json), a.breakdown.id,
                adjustments, revisions, Rounding.RULE,
                window == null ? null : new ObjectionViews.Window(window.days, window.publishedAt, window.closesAt),
                openObjections);
    }
}
