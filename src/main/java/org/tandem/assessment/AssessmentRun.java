package org.tandem.assessment;

import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.tandem.cache.ScopedData;
import org.tandem.registry.Program;
import org.tandem.scheme.Scheme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One run of the annual assessment job over a programme-year. */
@Entity
class AssessmentRun extends PanacheEntityBase implements ScopedData {

    @Id
    @GeneratedValue(generator = "assessment_run_seq")
    @SequenceGenerator(name = "assessment_run_seq", sequenceName = "assessment_run_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    public Program program;
    @Column(name = "calendar_year")
    public int year;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scheme_id")
    public Scheme scheme;
    @Enumerated(EnumType.STRING)
    public RunStatus status;
    public String requestedBy;
    public OffsetDateTime requestedAt;
    public OffsetDateTime finishedAt;
    public Integer pairingsAssessed;
    public Integer pairingsFinalized;
    public Long durationMs;
    public String error;
    /** The service instance carrying the run out. */
    public String runnerInstance;
    /**
     * When that instance last renewed the run's lease ({@link RunLeases}). Renewed by a bulk update only, so that
     * a lease moves neither the run's version nor the audit trail.
     */
    @Column(updatable = false)
    public OffsetDateTime heartbeatAt;
    @Version
    public long version;

    /** A run belongs to its programme's assessments. */
    @Override
    public Set<String> scopes() {
        return Set.of(Assessment.scope(Program.idOf(program)));
    }
}
