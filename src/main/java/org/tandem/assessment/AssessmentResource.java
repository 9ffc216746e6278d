package org.tandem.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.audit.Actor;
import org.tandem.cache.ReadCache;
import org.tandem.problem.ProblemException;
import org.tandem.registry.CountyRef;
import org.tandem.scheme.SchemeRules;
import org.tandem.scheme.SchemeRulesCodec;
import org.tandem.scoring.AdjustmentKind;
import org.tandem.scoring.RankCandidate;
import org.tandem.scoring.RankedPairing;
import org.tandem.scoring.Ranking;
import org.tandem.scoring.Rounding;
import org.tandem.security.Roles;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
@Authenticated
public class AssessmentResource {

    private static final String FETCH = "from Assessment a join fetch a.pairing p join fetch p.industrialCounty"
            + " join fetch p.mountainCounty join fetch a.program join fetch a.scheme join fetch a.breakdown";

    @Inject
    Assessor assessor;
    @Inject
    AssessmentRunner runner;
    @Inject
    SchemeRulesCodec codec;
    @Inject
    ObjectMapper json;
    @Inject
    Actor actor;
    @Inject
    ReadCache reads;

    @NonBlocking
    @GET
    @Operation(summary = "The ranking of a program-year", description = "Sorted by rank; program and year are required.")
    public Uni<AssessmentViews.Ranking> listAssessments(@QueryParam("program") String program,
            @QueryParam("year") Integer year, @Valid @BeanParam PageRequest paging) {
        return reads.async(() -> {
            if (program == null) {
                throw ProblemException.invalid("program", "is required");
            }
            if (year == null) {
                throw ProblemException.invalid("year", "is required");
            }
            // The whole program-year is ranked from a light projection (no breakdown); only the requested page's
            // lines are then read in full.
            List<Placed> ranked = ranking("a.program.code = :program", "program", program, year);
            int from = (int) Math.min(ranked.size(), (long) paging.page * paging.size);
            int to = Math.min(ranked.size(), from + paging.size);
            return new AssessmentViews.Ranking(summaries(ranked.subList(from, to)), paging.page, paging.size,
                    ranked.size(), Ranking.TIE_BREAK_RULE);
        });
    }

    @NonBlocking
    @GET
    @Path("/{id}")
    @Operation(summary = "An assessment with every indicator's target, actual, ratio, points and rule")
    public Uni<RestResponse<AssessmentViews.Detail>> getAssessment(@PathParam("id") long id) {
        return reads.async(() -> detail(require(id))).map(Versions::ok);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/{id}/adjustments")
    @Transactional
    @Operation(summary = "Add a reviewer's bonus, deduction or veto with a reason", description = "The item must be one of the scheme's; points may not exceed the item's cap (0 for a veto)."
            + " The assessment is scored again at once; the scheme's total caps apply.")
    public RestResponse<AssessmentViews.Detail> addAdjustment(@PathParam("id") long id,
            @Valid @NotNull AssessmentViews.AdjustmentInput body, @Context Request request) {
        Assessment assessment = require(id);
        Versions.checkIfMatch(request, () -> detail(assessment));
        assessment.checkOpen();
        List<SchemeRules.AdjustmentRule> items = codec.read(assessment.scheme).adjustmentItems();
        SchemeRules.AdjustmentRule item = items.stream().filter(i -> i.code().equals(body.item())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("item", "not an adjustment item of scheme "
                        + assessment.scheme.id + "; must be one of "
                        + String.join(", ", items.stream().map(SchemeRules.AdjustmentRule::code).toList())));
        if (item.kind() == AdjustmentKind.VETO ? body.points().signum() != 0
                : body.points().compareTo(item.maxPoints()) > 0) {
            throw ProblemException.invalid("points", item.kind() == AdjustmentKind.VETO ? "must be 0 for a veto"
                    : "must not exceed the item's cap of " + item.maxPoints());
        }
        AssessmentAdjustment adjustment = new AssessmentAdjustment();
        adjustment.assessment = assessment;
        adjustment.itemCode = body.item();
        adjustment.points = body.points();
        adjustment.reason = body.reason();
        adjustment.actor = actor.name();
        adjustment.persist();
        rescore(assessment);
        return Versions.ok(detail(assessment));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/{id}/finalize")
    @Transactional
    @Operation(summary = "Finalize an assessment", description = "Freezes it and locks the pair's targets, actuals and records of that year (409 locked-by-finalized-assessment).")
    public RestResponse<AssessmentViews.Detail> finalizeAssessment(@PathParam("id") long id, @Context Request request) {
        Assessment assessment = require(id);
        Versions.checkIfMatch(request, () -> detail(assessment));
        assessment.checkOpen();
        assessment.status = AssessmentStatus.FINALIZED;
        assessment.finalizedAt = java.time.OffsetDateTime.now();
        assessment.finalizedBy = actor.name();
        assessment.persistAndFlush();
        return Versions.ok(detail(assessment));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.ASSESSOR })
    @POST
    @Path("/{id}/reopen")
    @Transactional
    @Operation(summary = "Reopen a finalized assessment with a reason", description = "The finalized result is kept as a revision; the pair's data of the year is unlocked.")
    public RestResponse<AssessmentViews.Detail> reopenAssessment(@PathParam("id") long id,
            @Valid @NotNull AssessmentViews.ReopenInput body, @Context Request request) {
        Assessment assessment = require(id);
        Versions.checkIfMatch(request, () -> detail(assessment));
        if (assessment.status != AssessmentStatus.FINALIZED) {
            throw ProblemException.conflict("assessment-not-finalized", "only a finalized assessment can be reopened");
        }
        AssessmentRevision revision = new AssessmentRevision();
        revision.assessment = assessment;
        revision.number = (int) AssessmentRevision.count("assessment", assessment) + 1;
        revision.snapshot = runner.write(detail(assessment));
        revision.reason = body.reason();
        revision.actor = actor.name();
        revision.persist();
        assessment.status = AssessmentStatus.COMPUTED;
        assessment.finalizedAt = null;
        assessment.finalizedBy = null;
        assessment.persistAndFlush();
        return Versions.ok(detail(assessment));
    }

    private void rescore(Assessment assessment) {
        Assessment.flush();
        long pairingId = assessment.pairing.id;
        var adjustments = AssessmentRunner.adjustmentsOf(assessment.program, assessment.year);
        Assessor.Scored scored = assessor
                .score(assessment.scheme, List.of(pairingId), assessment.year, adjustments).get(pairingId);
        assessment.record(scored.result(), scored.inputsDigest(), ScoreBreakdown.of(runner.write(scored.result())));
        assessment.persistAndFlush();
    }

    private AssessmentViews.Detail detail(Assessment a) {
        int rank = ranking("a.program.id = :program", "program", a.program.id, a.year).stream()
                .filter(p -> p.assessmentId() == a.id).findFirst().orElseThrow().rank();
        AssessmentViews.Summary summary = new AssessmentViews.Summary(a.id, a.pairing.id,
                CountyRef.of(a.pairing.industrialCounty), CountyRef.of(a.pairing.mountainCounty), a.year, rank,
                a.total, a.gradeCode, a.gradeLabel, a.passed, a.vetoed, a.status, a.scheme.id);
        List<AssessmentViews.AdjustmentView> adjustments = AssessmentAdjustment
                .<AssessmentAdjustment> list("assessment = ?1 order by id", a).stream()
                .map(j -> new AssessmentViews.AdjustmentView(j.id, j.itemCode, j.points, j.reason, j.actor,
                        j.createdAt))
                .toList();
        List<AssessmentViews.RevisionView> revisions = AssessmentRevision
                .<AssessmentRevision> list("assessment = ?1 order by number", a).stream()
                .map(r -> {
                    AssessmentViews.Detail before = read(r.snapshot, AssessmentViews.Detail.class);
                    return new AssessmentViews.RevisionView(r.number, r.reason, r.actor, r.createdAt,
                            before.summary().total(), before.summary().grade());
                }).toList();
        return new AssessmentViews.Detail(summary, a.program.code, a.scheme.number, a.run == null ? null : a.run.id,
                a.inputsDigest, a.computedAt, a.finalizedAt, a.finalizedBy, a.breakdown.result(json), a.breakdown.id,
                adjustments, revisions, Rounding.RULE);
    }

    /** An assessment's place in its program-year's ranking. */
    record Placed(long assessmentId, int rank) {
    }

    /**
     * Every assessment of a program-year in rank order, ranked by the engine's declared tie-break from one
     * light query: only what ranking needs, never the breakdowns.
     */
    static List<Placed> ranking(String programCondition, String name, Object value, int year) {
        List<Object[]> rows = Assessment.getEntityManager().createQuery(
                "select a.id, a.pairing.id, a.vetoed, a.total, a.baseTotal, a.deductionTotal from Assessment a"
                        + " where " + programCondition + " and a.year = :year",
                Object[].class).setParameter(name, value).setParameter("year", year).getResultList();
        Map<Long, Long> assessmentOf = new HashMap<>();
        List<RankCandidate> candidates = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            assessmentOf.put((Long) row[1], (Long) row[0]);
            candidates.add(new RankCandidate((Long) row[1], (Boolean) row[2], (BigDecimal) row[3],
                    (BigDecimal) row[4], (BigDecimal) row[5]));
        }
        List<Placed> placed = new ArrayList<>(rows.size());
        for (RankedPairing r : Ranking.rank(candidates)) {
            placed.add(new Placed(assessmentOf.get(r.candidate().pairingId()), r.rank()));
        }
        return placed;
    }

    /** The ranking lines of {@code placed}, in its order, read in one query without the breakdowns. */
    static List<AssessmentViews.Summary> summaries(List<Placed> placed) {
        if (placed.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> rankOf = new HashMap<>();
        placed.forEach(p -> rankOf.put(p.assessmentId(), p.rank()));
        Map<Long, AssessmentViews.Summary> byId = new HashMap<>();
        Assessment.getEntityManager().createQuery("select a.id, p.id, ic.code, ic.name, mc.code, mc.name, a.year,"
                + " a.total, a.gradeCode, a.gradeLabel, a.passed, a.vetoed, a.status, a.scheme.id from Assessment a"
                + " join a.pairing p join p.industrialCounty ic join p.mountainCounty mc where a.id in :ids",
                Object[].class).setParameter("ids", rankOf.keySet()).getResultList().forEach(row -> {
                    long id = (Long) row[0];
                    byId.put(id, new AssessmentViews.Summary(id, (Long) row[1],
                            new CountyRef((String) row[2], (String) row[3]),
                            new CountyRef((String) row[4], (String) row[5]), (Integer) row[6], rankOf.get(id),
                            (BigDecimal) row[7], (String) row[8], (String) row[9], (Boolean) row[10],
                            (Boolean) row[11], (AssessmentStatus) row[12], (Long) row[13]));
                });
        return placed.stream().map(p -> byId.get(p.assessmentId())).toList();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment JSON is unreadable", e);
        }
    }

    private static Assessment require(long id) {
        Assessment assessment = Assessment.find(FETCH + " where a.id = ?1", id).firstResult();
        if (assessment == null) {
            throw ProblemException.notFound("assessment", id);
        }
        return assessment;
    }
}
