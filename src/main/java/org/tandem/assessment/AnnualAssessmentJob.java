package org.tandem.assessment;

import java.time.Year;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Program;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The optional annual job: at the configured cron (off unless {@code tandem.assessment.cron} is set), runs the
 * assessment of last year for every program that covers it. Several instances may fire together; the run's
 * lock leaves one run per program-year.
 */
@ApplicationScoped
class AnnualAssessmentJob {

    private static final Logger LOG = Logger.getLogger(AnnualAssessmentJob.class);

    @Inject
    AssessmentRunner runner;

    @Scheduled(identity = "annual-assessment", cron = "${tandem.assessment.cron:off}")
    void runLastYear() {
        int year = Year.now().getValue() - 1;
        List<String> programs = QuarkusTransaction.requiringNew().call(() -> Program.<Program> list(
                "startYear <= ?1 and endYear >= ?1", year).stream().map(p -> p.code).toList());
        for (String program : programs) {
            try {
                runner.request(program, year, "scheduler");
            } catch (ProblemException e) {
                LOG.warnf("Annual assessment of %s %d not started: %s", program, year, e.getMessage());
            }
        }
    }
}
