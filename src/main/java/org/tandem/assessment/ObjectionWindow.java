package org.tandem.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Program;

/**
 * The publication of a programme-year's assessments for objections (公示): open from {@link #publishedAt} for
 * {@link #days} days, until {@link #closesAt}. While it is open the pairs' county editors file objections and no
 * assessment of the year is finalized. One per programme-year.
 */
@Entity
class ObjectionWindow extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "objection_window_seq")
    @SequenceGenerator(name = "objection_window_seq", sequenceName = "objection_window_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    public Program program;
    @Column(name = "calendar_year")
    public int year;
    public int days;
    public OffsetDateTime publishedAt;
    public OffsetDateTime closesAt;
    public String publishedBy;

    /** The window of {@code program} in {@code year}, or null when its assessments have not been published. */
    static ObjectionWindow of(Program program, int year) {
        return find("program = ?1 and year = ?2", program, year).firstResult();
    }

    /** Opens the window of {@code program} in {@code year} at {@code now}, for {@code days} days. */
    static ObjectionWindow open(Program program, int year, int days, String actor, Instant now) {
        ObjectionWindow window = new ObjectionWindow();
        window.program = program;
        window.year = year;
        window.days = days;
        window.publishedAt = now.atOffset(ZoneOffset.UTC);
        window.closesAt = now.plus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
        window.publishedBy = actor;
        window.persist();
        return window;
    }

    /** Objections are taken from its opening until it closes (exclusive). */
    boolean isOpenAt(Instant now) {
        return !now.isBefore(publishedAt.toInstant()) && now.isBefore(closesAt.toInstant());
    }

    /** Refuses a finalize while the window is open. */
    void checkClosedAt(Instant now, long assessmentId) {
        if (isOpenAt(now)) {
            throw ProblemException.conflict("objection-window-open", "assessment " + assessmentId
                    + " is published for objections until " + closesAt + "; it can be finalized once the window has closed");
        }
    }

    /** A change of it is a change of its programme's assessments (their state is shown with them). */
    @Override
    public Set<String> scopes() {
        return Set.of(Assessment.scope(Program.idOf(program)));
    }
}
