package org.tandem.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.tandem.cache.ScopedData;
import org.tandem.registry.Pairing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One entry of a pair-year's history: a value changed (old and new) or a workflow step taken, with who,
 * when and why. Never updated or deleted.
 */
@Entity
class PairYearChange extends PanacheEntityBase implements ScopedData {

    @Id
    @GeneratedValue(generator = "pair_year_change_seq")
    @SequenceGenerator(name = "pair_year_change_seq", sequenceName = "pair_year_change_seq", allocationSize = 50)
    public Long id;
    public long pairingId;
    public int calendarYear;
    @Enumerated(EnumType.STRING)
    public ChangeKind kind;
    @Enumerated(EnumType.STRING)
    public ChangeAction action;
    public String indicatorCode;
    public BigDecimal oldValue;
    public BigDecimal newValue;
    @Enumerated(EnumType.STRING)
    public ActualsState fromState;
    @Enumerated(EnumType.STRING)
    public ActualsState toState;
    @Enumerated(EnumType.STRING)
    @Column(name = "approval_level")
    public ApprovalLevel level;
    @Enumerated(EnumType.STRING)
    public ApprovalSide side;
    /** The progress report's period (H1, H2, Q1–Q4); null for the annual targets and actuals. */
    @Enumerated(EnumType.STRING)
    public ReportingPeriodKind period;
    public String reason;
    public String actor;
    public OffsetDateTime occurredAt;

    static PairYearChange value(long pairingId, int year, ValueKind kind, String indicator, BigDecimal oldValue,
            BigDecimal newValue, String reason, String actor, OffsetDateTime at) {
        PairYearChange change = new PairYearChange();
        change.pairingId = pairingId;
        change.calendarYear = year;
        change.kind = kind == ValueKind.TARGET ? ChangeKind.TARGET : ChangeKind.ACTUAL;
        change.action = newValue == null ? ChangeAction.REMOVE : ChangeAction.SET;
        change.indicatorCode = indicator;
        change.oldValue = oldValue;
        change.newValue = newValue;
        change.reason = reason;
        change.actor = actor;
        change.occurredAt = at;
        return change;
    }

    /** A value of a progress report set or removed. */
    static PairYearChange periodValue(long pairingId, int year, ReportingPeriodKind period, String indicator,
            BigDecimal oldValue, BigDecimal newValue, String reason, String actor, OffsetDateTime at) {
        PairYearChange change = value(pairingId, year, ValueKind.ACTUAL, indicator, oldValue, newValue, reason, actor,
                at);
        change.period = period;
        return change;
    }

    /** A step of a progress report (its submission): it has no workflow state. */
    static PairYearChange periodStep(long pairingId, int year, ReportingPeriodKind period, ChangeAction action,
            String comment, String actor, OffsetDateTime at) {
        PairYearChange change = step(pairingId, year, action, null, null, comment, actor, at, null, null);
        change.period = period;
        return change;
    }

    static PairYearChange step(long pairingId, int year, ChangeAction action, ActualsState from, ActualsState to,
            String comment, String actor, OffsetDateTime at, ApprovalLevel level, ApprovalSide side) {
        PairYearChange change = new PairYearChange();
        change.pairingId = pairingId;
        change.calendarYear = year;
        change.kind = ChangeKind.WORKFLOW;
        change.action = action;
        change.fromState = from;
        change.toState = to;
        change.level = level;
        change.side = side;
        change.reason = comment;
        change.actor = actor;
        change.occurredAt = at;
        return change;
    }

    /** History of a pair-year: a change of its pairing's records (always written with the change it records). */
    @Override
    public Set<String> scopes() {
        return Set.of(Pairing.scope(pairingId));
    }
}
