package org.tandem.indicator;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.tandem.TrackedEntity;
import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Track;
import org.tandem.scoring.Direction;

/** A measurable quantity under a track (指标), REPORTED by the pair or DERIVED from its projects and activities. */
@Entity
public class Indicator extends TrackedEntity {

    @Id
    public String code;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "track_code")
    public Track track;
    public String nameZh;
    public String nameEn;
    public String unit;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Enumerated(EnumType.STRING)
    public IndicatorSource source;
    @Enumerated(EnumType.STRING)
    public DerivedFrom derivedFrom;
    @Enumerated(EnumType.STRING)
    public Aggregate derivedAggregate;
    @Enumerated(EnumType.STRING)
    public Measure derivedMeasure;
    public Boolean derivedAnyTrack;
    @Enumerated(EnumType.STRING)
    public ProjectStatus derivedProjectStatus;
    @Convert(converter = ActivityKindsConverter.class)
    public List<ActivityKind> derivedActivityKinds;
    public boolean active;
    public String description;
    /** ANNUAL (the year's actual only), or also per half-year or per quarter in progress reports. */
    @Enumerated(EnumType.STRING)
    public ReportedPer reportedPer = ReportedPer.ANNUAL;

    /** The derivation of a DERIVED indicator; null for a REPORTED one. */
    public Derivation derivation() {
        if (source != IndicatorSource.DERIVED) {
            return null;
        }
        return new Derivation(derivedFrom, derivedAggregate, derivedMeasure, derivedAnyTrack, derivedProjectStatus,
                derivedActivityKinds);
    }

    public boolean isDerived() {
        return source == IndicatorSource.DERIVED;
    }

    /**
     * Why this indicator takes no {@code value} of {@code kind} for a pair-year, or null when it does: a
     * DERIVED indicator takes no actual, an inactive one no new value (removing one is allowed).
     */
    String refusal(ValueKind kind, BigDecimal value) {
        if (kind == ValueKind.ACTUAL && isDerived()) {
            return code + " is DERIVED: its actual is computed from the pair's projects and activities";
        }
        if (!active && value != null) {
            return code + " is inactive";
        }
        return null;
    }

    /**
     * Why this indicator takes no {@code value} in a progress report of {@code period}, or null when it does: it
     * must be reported in that period's granularity (an indicator reported per quarter takes Q1–Q4 values, per
     * half-year H1 and H2 values), and an inactive one takes no new value (removing one is allowed).
     */
    String periodRefusal(ReportingPeriodKind period, BigDecimal value) {
        if (reportedPer != period.granularity()) {
            return code + " is reported " + (reportedPer == ReportedPer.ANNUAL ? "for the year (ANNUAL): enter it in "
                    + "the annual actuals" : "per " + reportedPer) + ", not in a " + period + " report";
        }
        if (!active && value != null) {
            return code + " is inactive";
        }
        return null;
    }

    /**
     * Sets how often the actual is reported. Only a REPORTED indicator is reported per period (400 naming
     * reportedPer); changing it is refused once period values were stored in the old granularity (409), since they
     * would no longer belong to any report.
     */
    void defineReportedPer(ReportedPer next) {
        ReportedPer wanted = next == null ? ReportedPer.ANNUAL : next;
        if (wanted != ReportedPer.ANNUAL && isDerived()) {
            throw ProblemException.invalid("reportedPer", "must be ANNUAL for a DERIVED indicator: its actual is "
                    + "computed for the year");
        }
        if (reportedPer != null && reportedPer != wanted && reportedPer != ReportedPer.ANNUAL && code != null
                && PeriodValue.count("indicator.code", code) > 0) {
            throw ProblemException.conflict("indicator-has-period-values", "indicator " + code + " already has "
                    + reportedPer + " progress values; it cannot become reported per " + wanted);
        }
        reportedPer = wanted;
    }

    /**
     * Sets where the actual comes from. A DERIVED indicator needs a valid derivation, a REPORTED one takes
     * none. Switching between the two is refused once actuals were stored for the indicator, since they would
     * either be ignored or suddenly be needed.
     */
    public void defineSource(IndicatorSource next, Derivation derivation) {
        if (next == IndicatorSource.DERIVED && derivation == null) {
            throw ProblemException.invalid("derivation", "is required when source is DERIVED");
        }
        if (next == IndicatorSource.REPORTED && derivation != null) {
            throw ProblemException.invalid("derivation", "is only allowed when source is DERIVED");
        }
        Derivation checked = derivation == null ? null : derivation.checked();
        if (source != null && source != next && code != null
                && IndicatorValue.count("indicator.code = ?1 and kind = ?2", code, ValueKind.ACTUAL) > 0) {
            throw ProblemException.conflict("indicator-has-actuals", "indicator " + code
                    + " already has actual values; its source cannot change from " + source + " to " + next);
        }
        source = next;
        derivedFrom = checked == null ? null : checked.from();
        derivedAggregate = checked == null ? null : checked.aggregate();
        derivedMeasure = checked == null ? null : checked.measure();
        derivedAnyTrack = checked == null ? null : checked.anyTrack();
        derivedProjectStatus = checked == null ? null : checked.projectStatus();
        derivedActivityKinds = checked == null ? null : checked.activityKinds();
    }
}
