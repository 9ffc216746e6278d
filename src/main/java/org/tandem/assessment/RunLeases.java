package org.tandem.assessment;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tandem.registry.Program;
import org.tandem.security.Actor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Which assessment runs are alive. The service instance that carries a run out renews the run's lease (its
 * {@code heartbeatAt}) every {@code tandem.assessment.heartbeat} while it works; a run still RUNNING whose lease
 * ({@code tandem.assessment.run-lease}) has run out belongs to an instance that is gone, and is marked FAILED with
 * the reason, so that it no longer blocks a new run of its programme-year.
 * <ul>
 * <li>At start-up on the embedded database, which only one process can open, every RUNNING run is dead: its
 * instance was this service before it stopped. On PostgreSQL, shared by several instances, only runs whose
 * lease ran out are.</li>
 * <li>Starting a run of a programme-year, and reading a run, fail a run whose lease ran out.</li>
 * <li>On shutdown (SIGTERM), the runs under way here are waited for up to {@code tandem.assessment.shutdown-wait};
 * those still under way are then marked FAILED.</li>
 * </ul>
 * A run failed this way is audited as done by the service itself ({@link Actor#SYSTEM}).
 */
@ApplicationScoped
class RunLeases {

    private static final Logger LOG = Logger.getLogger(RunLeases.class);

    /** This service instance, as recorded on the runs it carries out. */
    final String instance = UUID.randomUUID().toString();
    /** The runs carried out here, each with what completes when it ends. */
    private final Map<Long, CompletableFuture<Void>> underWay = new ConcurrentHashMap<>();

    @ConfigProperty(name = "tandem.assessment.run-lease", defaultValue = "PT30S")
    Duration lease;
    @ConfigProperty(name = "tandem.assessment.shutdown-wait", defaultValue = "PT20S")
    Duration shutdownWait;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    /** Takes a new run for this instance, with a fresh lease. */
    void take(AssessmentRun run) {
        run.runnerInstance = instance;
        run.heartbeatAt = OffsetDateTime.now();
    }

    /** Carries {@code work} out as run {@code runId} of this instance: its lease is renewed until it ends. */
    void carryOut(long runId, Runnable work, java.util.concurrent.Executor executor) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        underWay.put(runId, ended);
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } finally {
                    underWay.remove(runId);
                    ended.complete(null);
                }
            });
        } catch (RuntimeException e) {
            underWay.remove(runId);
            ended.complete(null);
            throw e;
        }
    }

    /** Whether {@code run}, RUNNING, has a live lease. */
    boolean isAlive(AssessmentRun run, OffsetDateTime now) {
        return run.heartbeatAt.isAfter(now.minus(lease));
    }

    /**
     * Marks the runs of a programme-year that are RUNNING with a lease run out FAILED; answers the one still alive,
     * if any. Call in a transaction that has locked the programme.
     */
    AssessmentRun aliveOrFailDead(Program program, int year) {
        OffsetDateTime now = OffsetDateTime.now();
        AssessmentRun alive = null;
        for (AssessmentRun run : AssessmentRun.<AssessmentRun> list("program = ?1 and year = ?2 and status = ?3",
                program, year, RunStatus.RUNNING)) {
            if (isAlive(run, now)) {
                alive = run;
            } else {
                fail(run, now, "its service instance stopped: no sign of life since " + run.heartbeatAt);
            }
        }
        return alive;
    }

    /**
     * Renews the lease of the runs under way here. Nothing else runs on this timer: dead runs are found when they
     * matter (at start-up, when their programme-year is run again, when they are read), so an idle service issues
     * no statements of its own.
     */
    @Scheduled(identity = "assessment-run-leases", every = "${tandem.assessment.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        if (!underWay.isEmpty()) {
            List<Long> ids = List.copyOf(underWay.keySet());
            // A bulk update: no version moves and nothing is audited, as a lease is no change of the run itself.
            QuarkusTransaction.requiringNew().run(() -> AssessmentRun.update(
                    "heartbeatAt = ?1 where id in ?2 and status = ?3", OffsetDateTime.now(), ids, RunStatus.RUNNING));
        }
    }

    /**
     * Marks {@code run} FAILED if it is RUNNING with its lease run out (in a transaction of its own); answers
     * whether it did, so that the caller reads the run again. Costs nothing for a run that is not.
     */
    boolean settle(AssessmentRun run) {
        OffsetDateTime now = OffsetDateTime.now();
        if (run.status != RunStatus.RUNNING || isAlive(run, now) || underWay.containsKey(run.id)) {
            return false;
        }
        boolean[] failed = { false };
        Actor.runAsSystem(() -> QuarkusTransaction.requiringNew().run(() -> {
            AssessmentRun current = AssessmentRun.findById(run.id);
            if (current.status == RunStatus.RUNNING && !isAlive(current, now)) {
                fail(current, now, "its service instance stopped: no sign of life since " + current.heartbeatAt);
                failed[0] = true;
            }
        }));
        return failed[0];
    }

    void onStart(@Observes StartupEvent started) {
        OffsetDateTime now = OffsetDateTime.now();
        // On H2 the database files belong to this process alone: whatever RUNNING run they hold was carried out
        // by this service before it stopped. On PostgreSQL another instance may be carrying a run out.
        boolean exclusive = "h2".equals(databaseKind);
        Actor.runAsSystem(() -> QuarkusTransaction.requiringNew().run(() -> {
            for (AssessmentRun run : AssessmentRun.<AssessmentRun> list("status", RunStatus.RUNNING)) {
                if (exclusive) {
                    fail(run, now, "the service stopped while the run was under way");
                } else if (!isAlive(run, now)) {
                    fail(run, now, "its service instance stopped: no sign of life since " + run.heartbeatAt);
                }
            }
        }));
    }

    /** On shutdown, waits for the runs under way here, then fails those still under way. */
    void onStop(@Observes ShutdownEvent stopping) {
        if (underWay.isEmpty()) {
            return;
        }
        LOG.infof("Waiting up to %s for assessment runs %s to finish", shutdownWait, underWay.keySet());
        try {
            CompletableFuture.allOf(underWay.values().toArray(CompletableFuture[]::new))
                    .get(shutdownWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // failed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Long> left = List.copyOf(underWay.keySet());
        if (!left.isEmpty()) {
            OffsetDateTime now = OffsetDateTime.now();
            Actor.runAsSystem(() -> QuarkusTransaction.requiringNew()
                    .run(() -> AssessmentRun.<AssessmentRun> list("id in ?1 and status = ?2", left, RunStatus.RUNNING)
                            .forEach(run -> fail(run, now, "the service was stopped during the run"))));
            LOG.warnf("Assessment runs %s were still under way at shutdown and are marked FAILED", left);
        }
    }

    private static void fail(AssessmentRun run, OffsetDateTime now, String why) {
        run.status = RunStatus.FAILED;
        run.error = why;
        run.finishedAt = now;
        LOG.warnf("Assessment run %d marked FAILED: %s", run.id, why);
    }
}
