package org.tandem.assessment;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * Times assessment runs for {@code /q/metrics}: {@code tandem_assessment_runs_seconds} by {@code outcome}
 * (succeeded, failed), from the start of a run's work to its commit, and {@code tandem_assessment_run_phase_seconds}
 * by {@code phase}, the wall time of each phase {@link AssessmentRunner} marks (the names it logs, in lower case
 * with underscores: a fixed set in the code).
 */
@Startup
@ApplicationScoped
class RunMetrics {

    static final String RUNS = "tandem.assessment.runs";
    static final String PHASES = "tandem.assessment.run.phase";

    private final MeterRegistry registry;
    private final Timer succeeded;
    private final Timer failed;
    private final ConcurrentHashMap<String, Timer> phases = new ConcurrentHashMap<>();

    @Inject
    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        succeeded = run("succeeded");
        failed = run("failed");
    }

    private Timer run(String outcome) {
        return Timer.builder(RUNS).description("Assessment runs, from the start of their work to their commit")
                .tag("outcome", outcome).register(registry);
    }

    /** A phase named {@code name} took {@code nanos} of wall time. */
    void phase(String name, long nanos) {
        phases.computeIfAbsent(name, this::phaseTimer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer phaseTimer(String name) {
        return Timer.builder(PHASES).description("Wall time of each phase of an assessment run")
                .tag("phase", name.toLowerCase(Locale.ROOT).replace(' ', '_')).register(registry);
    }

    /** A run ended after {@code nanos}. */
    void ran(long nanos, boolean success) {
        (success ? succeeded : failed).record(nanos, TimeUnit.NANOSECONDS);
    }
}
