package org.tandem.assessment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.PairingStatus;
import org.tandem.registry.Program;
import org.tandem.scheme.Scheme;
import org.tandem.scoring.Adjustment;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Starts and carries out assessment runs. One run at a time per programme-year, also across service
 * instances: starting a run locks the programme's row, so a second request waits, then finds the running
 * run and gets it back instead of starting another.
 */
@ApplicationScoped
class AssessmentRunner {

    private static final Logger LOG = Logger.getLogger(AssessmentRunner.class);
    private static final String FETCH = "from AssessmentRun r join fetch r.program join fetch r.scheme";

    @Inject
    Assessor assessor;
    @Inject
    ManagedExecutor executor;
    @Inject
    ObjectMapper json;
    @Inject
    RunLeases leases;
    @Inject
    RunMetrics metrics;

    record Started(AssessmentRun run, boolean alreadyRunning) {
    }

    /** Starts a run of the program-year, or returns the one already running. Call {@link #launch} after commit. */
    @Transactional
    public Started start(String programCode, int year, String actor) {
        Program program = Program.findByCode(programCode);
        if (program == null) {
            throw ProblemException.invalid("program", "no program with code " + programCode);
        }
        if (!program.covers(year)) {
            throw ProblemException.invalid("year",
                    "must be within the program's years " + program.startYear + "–" + program.endYear);
        }
        Program.getEntityManager().lock(program, LockModeType.PESSIMISTIC_WRITE);
        AssessmentRun running = leases.aliveOrFailDead(program, year);
        if (running != null) {
            return new Started(running, true);
        }
        Scheme scheme = Scheme.latestPublished(program, year);
        if (scheme == null) {
            throw ProblemException.conflict("no-published-scheme",
                    "program " + programCode + " has no published scoring scheme for " + year);
        }
        AssessmentRun run = new AssessmentRun();
        run.program = program;
        run.year = year;
        run.scheme = scheme;
        run.status = RunStatus.RUNNING;
        run.requestedBy = actor;
        run.requestedAt = OffsetDateTime.now();
        leases.take(run);
        run.persistAndFlush();
        return new Started(run, false);
    }

    /**
     * Starts a run of the program-year and carries it out in the background, or returns the one already running:
     * either with its program and scheme read.
     */
    Started request(String programCode, int year, String actor) {
        Started started = QuarkusTransaction.joiningExisting().call(() -> {
            Started begun = start(programCode, year, actor);
            return new Started(require(begun.run().id), begun.alreadyRunning());
        });
        if (!started.alreadyRunning()) {
            launch(started.run().id);
        }
        return started;
    }

    /** The runs of the filter's program and year, newest first by default; those whose instance is gone failed. */
    PageOf<RunView> list(String programCode, Integer year, PageRequest paging) {
        Filter filter = new Filter().and("r.program.code = :program", "program", programCode).and("r.year = :year",
                "year", year);
        var query = AssessmentRun.<AssessmentRun> find(FETCH + filter.where(),
                paging.toSort(Map.of("id", "r.id"), "-id", "r.id"), filter.params()).page(paging.toPage());
        List<AssessmentRun> runs = query.list();
        runs.stream().filter(leases::settle).forEach(AssessmentRun.getEntityManager()::refresh);
        var items = runs.stream().map(RunView::of).toList();
        return PageOf.of(items, paging, () -> filter.count("from AssessmentRun r"));
    }

    /** The run, failed first if its instance is gone, or 404. */
    AssessmentRun find(long id) {
        AssessmentRun run = require(id);
        if (leases.settle(run)) {
            AssessmentRun.getEntityManager().refresh(run);
        }
        return run;
    }

    private static AssessmentRun require(long id) {
        AssessmentRun run = AssessmentRun.find(FETCH + " where r.id = ?1", id).firstResult();
        if (run == null) {
            throw ProblemException.notFound("assessment run", id);
        }
        return run;
    }

    /** Carries out a started run in the background, renewing its lease until it ends. */
    public void launch(long runId) {
        leases.carryOut(runId, () -> execute(runId), executor);
    }

    /**
     * Scores every active pairing of the run's program-year; FINALIZED assessments stay as they are, and so do
     * assessments whose inputs and result are what they already hold (a re-run with nothing changed writes and
     * audits nothing but the run itself).
     */
    public void execute(long runId) {
        long started = System.nanoTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        try {
            Phases phases = new Phases(threads, metrics);
            QuarkusTransaction.requiringNew().run(() -> assess(runId, started, phases));
            phases.mark("commit");
            metrics.ran(System.nanoTime() - started, true);
            // CPU time of this thread as well, since on a shared machine the wall time says little on its own.
            long cpuMillis = cpuStarted < 0 ? -1 : (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
            LOG.infof("Assessment run %d done in %,d ms (CPU %,d ms)", runId, (System.nanoTime() - started) / 1_000_000,
                    cpuMillis);
            LOG.infof("Assessment run %d, CPU ms by phase: %s", runId, phases);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Assessment run %d failed", runId);
            metrics.ran(System.nanoTime() - started, false);
            QuarkusTransaction.requiringNew().run(() -> {
                AssessmentRun run = AssessmentRun.findById(runId);
                if (run.status == RunStatus.RUNNING) { // not failed already, e.g. at shutdown
                    run.status = RunStatus.FAILED;
                    run.error = "the run failed; see the service log for run " + runId;
                    finish(run, started);
                }
            });
        }
    }

    /** The CPU time of this thread in each phase of a run, for the log; the wall time, for the metrics. */
    private static final class Phases {
        private final ThreadMXBean threads;
        private final RunMetrics metrics;
        private final StringBuilder text = new StringBuilder();
        private long last;
        private long lastWall = System.nanoTime();

        Phases(ThreadMXBean threads, RunMetrics metrics) {
            this.threads = threads;
            this.metrics = metrics;
            this.last = now();
        }

        private long now() {
            return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
        }

        void mark(String phase) {
            long now = now();
            text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000);
            last = now;
            long wall = System.nanoTime();
            metrics.phase(phase, wall - lastWall);
            lastWall = wall;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private void assess(long runId, long started, Phases phases) {
        AssessmentRun run = AssessmentRun.findById(runId);
        Scheme scheme = run.scheme;
        // Ids only: a new assessment needs no more of its pairing than a reference.
        List<Long> pairings = Pairing.getEntityManager().createQuery(
                "select p.id from Pairing p where p.program = :program and p.status = :status", Long.class)
                .setParameter("program", run.program).setParameter("status", PairingStatus.ACTIVE).getResultList();
        // The assessments there already, each with its breakdown's digest but not its text: enough to tell
        // whether a new result is the same. In id order, the order Hibernate then writes their updates in: the
        // database walks its indexes forward instead of hopping between their pages.
        Map<Long, Assessment> existing = new HashMap<>();
        Map<Long, String> heldDigests = new HashMap<>();
        Assessment.getEntityManager().createQuery("select a, b.digest from Assessment a join a.breakdown b"
                + " where a.program = :program and a.year = :year order by a.id", Object[].class)
                .setParameter("program", run.program).setParameter("year", run.year).getResultList()
                .forEach(row -> {
                    Assessment a = (Assessment) row[0];
                    existing.put(a.pairing.id, a);
                    heldDigests.put(a.pairing.id, (String) row[1]);
                });
        Map<Long, List<Adjustment>> adjustments = AssessmentAdjustment.byPairing(run.program, run.year);
        List<Long> open = new ArrayList<>();
        int finalized = 0;
        for (Long pairingId : pairings) {
            Assessment current = existing.get(pairingId);
            if (current != null && current.status == AssessmentStatus.FINALIZED) {
                finalized++;
            } else {
                open.add(pairingId);
            }
        }
        phases.mark("existing");
        Map<Long, Assessor.Scored> scores = assessor.score(scheme, open, run.year, adjustments);
        phases.mark("inputs and scores");
        // Each result written as JSON and digested, spread over the cores like the scoring: nothing here touches the
        // session (at 20,000 pairings this is most of a second of CPU).
        Map<Long, ScoreBreakdown> breakdowns = open.parallelStream().collect(Collectors.toMap(Function.identity(),
                pairingId -> ScoreBreakdown.of(scores.get(pairingId).result(), json)));
        int unchanged = 0;
        List<Assessment> created = new ArrayList<>();
        for (Long pairingId : open) {
            Assessment assessment = existing.get(pairingId);
            Assessor.Scored scored = scores.get(pairingId);
            ScoreBreakdown breakdown = breakdowns.get(pairingId);
            if (assessment != null && assessment.holds(scored.inputsDigest(), heldDigests.get(pairingId), breakdown)) {
                // Same scheme, same inputs, same result: nothing changed, so nothing is written or audited. The
                // assessment keeps the run and time it was computed at, which still produced what it holds.
                unchanged++;
                continue;
            }
            if (assessment == null) {
                assessment = new Assessment();
                assessment.pairing = Pairing.getEntityManager().getReference(Pairing.class, pairingId);
                assessment.program = run.program;
                assessment.year = run.year;
                created.add(assessment);
            }
            assessment.scheme = scheme;
            assessment.run = run;
            assessment.status = AssessmentStatus.COMPUTED;
            assessment.record(scored.result(), scored.inputsDigest(), breakdown);
        }
        // New assessments are inserted with their ranks among the year's, so that on a year's first run the rerank
        // below writes no rank at all (it still decides, from what is stored).
        if (!created.isEmpty()) {
            List<Assessment> year = new ArrayList<>(existing.values());
            year.addAll(created);
            Map<Long, Integer> ranks = Rankings.ranks(year);
            created.forEach(assessment -> assessment.rank = ranks.get(assessment.pairing.id));
        }
        // Persisted after every breakdown, so that the inserts go in two JDBC batches, not one row at a time
        // (Hibernate inserts in the order of persist calls, and a change of table ends a batch).
        created.forEach(assessment -> assessment.persist());
        phases.mark("breakdowns");
        // Written now, so that the run's recorded duration includes writing its assessments (not the commit).
        Assessment.flush();
        phases.mark("flush");
        // Every run, even one that changed nothing: cheap, and a year's ranks are then what its scores say.
        Rankings.rerank(run.program, run.year);
        phases.mark("ranks");
        run.status = RunStatus.SUCCEEDED;
        run.pairingsAssessed = open.size();
        run.pairingsFinalized = finalized;
        finish(run, started);
        LOG.infof("Assessment run %d: %d pairings scored, %d of them unchanged, %d finalized left alone", runId,
                open.size(), unchanged, finalized);
    }

    private static void finish(AssessmentRun run, long started) {
        run.finishedAt = OffsetDateTime.now();
        run.durationMs = (System.nanoTime() - started) / 1_000_000;
    }
}
