package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.tandem.Money;
import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.problem.ProblemException;
import org.tandem.registry.County;
import org.tandem.registry.Pairing;
import org.tandem.registry.Program;
import org.tandem.registry.RecordKind;
import org.tandem.registry.Track;

/** A concrete project (合作项目) of a pairing under one track, with the date of every lifecycle step. */
@Entity
class CooperationProject extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "cooperation_project_seq")
    @SequenceGenerator(name = "cooperation_project_seq", sequenceName = "cooperation_project_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pairing_id")
    public Pairing pairing;
    /**
     * The pairing's programme, which never changes: kept on the project so that a programme's projects in id order
     * are a range of one index ({@code cooperation_project_program_idx}).
     */
    public long programId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "track_code")
    public Track track;
    public String title;
    public String leadEnterprise;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "host_county_code")
    public County hostCounty;
    public BigDecimal investment;
    public BigDecimal expectedAnnualOutput;
    public BigDecimal expectedAnnualTax;
    @Enumerated(EnumType.STRING)
    public ProjectStatus status;
    public LocalDate plannedOn;
    public LocalDate signedOn;
    public LocalDate constructionStartedOn;
    public LocalDate productionStartedOn;
    public LocalDate cancelledOn;
    public String description;

    /** A new project of {@code pairing}: it starts PLANNED, on the date {@link #describe} gives it. */
    static CooperationProject of(Pairing pairing) {
        CooperationProject project = new CooperationProject();
        project.pairing = pairing;
        project.programId = Program.idOf(pairing.program);
        project.status = ProjectStatus.PLANNED;
        return project;
    }

    /**
     * Takes the details clients write, under {@code track}: the host must be one of the pair's counties and the
     * planning date must not come after a later step. The status and later steps change only by {@link #moveTo}.
     */
    void describe(ProjectInput body, Track track) {
        this.track = track;
        hostCounty = PairingScope.hostCounty(pairing, body.hostCounty());
        title = body.title();
        leadEnterprise = body.leadEnterprise();
        investment = Money.of(body.investment());
        expectedAnnualOutput = Money.of(body.expectedAnnualOutput());
        expectedAnnualTax = Money.of(body.expectedAnnualTax());
        description = body.description();
        planOn(body.plannedOn());
    }

    /**
     * Moves the project one or more steps forward, or cancels it, on the given date. A step skipped on the way is
     * taken on the same date: a project in production was signed and built, and the indicators that count signed
     * projects or projects under construction must count it too. Cancelling implies no step.
     */
    public void moveTo(ProjectStatus next, LocalDate on) {
        if (!status.canMoveTo(next)) {
            throw ProblemException.conflict("illegal-transition",
                    "a project cannot move from " + status + " to " + next);
        }
        LocalDate last = lastStepDate();
        if (on.isBefore(last)) {
            throw ProblemException.invalid("on", "must not be before the previous step (" + last + ")");
        }
        switch (next) {
            case SIGNED -> signedOn = on;
            case UNDER_CONSTRUCTION -> {
                signedOn = signedOn == null ? on : signedOn;
                constructionStartedOn = on;
            }
            case IN_PRODUCTION -> {
                signedOn = signedOn == null ? on : signedOn;
                constructionStartedOn = constructionStartedOn == null ? on : constructionStartedOn;
                productionStartedOn = on;
            }
            case CANCELLED -> cancelledOn = on;
            default -> throw new IllegalStateException("PLANNED is never a move");
        }
        status = next;
    }

    /** Sets the planning date, which must not come after any later step already reached. */
    public void planOn(LocalDate date) {
        for (LocalDate step : new LocalDate[] { signedOn, constructionStartedOn, productionStartedOn, cancelledOn }) {
            if (step != null && step.isBefore(date)) {
                throw ProblemException.invalid("plannedOn", "must not be after the project's later steps (" + step + ")");
            }
        }
        plannedOn = date;
    }

    /** The years its steps fell in: a finalized assessment of any of them freezes the project. */
    public List<Integer> stepYears() {
        return Stream.of(plannedOn, signedOn, constructionStartedOn, productionStartedOn, cancelledOn)
                .filter(Objects::nonNull).map(LocalDate::getYear).toList();
    }

    /**
     * The tally rows this project counts in: for each step reached, the step's year under the project's track
     * (none before it is described).
     */
    List<CooperationTallies.ProjectGroup> tallyGroups() {
        if (track == null) {
            return List.of();
        }
        List<CooperationTallies.ProjectGroup> groups = new ArrayList<>();
        for (ProjectStatus step : ProjectStatus.values()) {
            LocalDate on = stepDate(step);
            if (on != null) {
                groups.add(new CooperationTallies.ProjectGroup(on.getYear(), track.code, step));
            }
        }
        return groups;
    }

    /** The date it reached {@code step}, or null. */
    LocalDate stepDate(ProjectStatus step) {
        return switch (step) {
            case PLANNED -> plannedOn;
            case SIGNED -> signedOn;
            case UNDER_CONSTRUCTION -> constructionStartedOn;
            case IN_PRODUCTION -> productionStartedOn;
            case CANCELLED -> cancelledOn;
        };
    }

    /** The date of the latest step reached so far. */
    public LocalDate lastStepDate() {
        LocalDate last = plannedOn;
        for (LocalDate date : new LocalDate[] { signedOn, constructionStartedOn, productionStartedOn, cancelledOn }) {
            if (date != null && date.isAfter(last)) {
                last = date;
            }
        }
        return last;
    }

    /** A change of it is a change of its pairing's records, and of those of its kind. */
    @Override
    public Set<String> scopes() {
        return Pairing.scopesOfRecordsOf(pairing, RecordKind.PROJECTS);
    }
}
