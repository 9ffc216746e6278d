package org.tandem.indicator;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.tandem.cache.ScopedData;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An approval in force of a pair-year's actuals: one level's side approved (or, for PAIR_COUNTIES, confirmed) by
 * whom, when, with what comment. A return or a change of the actuals removes it; the history keeps every step.
 */
@Entity
class PairYearApproval extends PanacheEntityBase implements ScopedData {

    @Id
    @GeneratedValue(generator = "pair_year_approval_seq")
    @SequenceGenerator(name = "pair_year_approval_seq", sequenceName = "pair_year_approval_seq", allocationSize = 50)
    public Long id;
    public long pairYearId;
    @Enumerated(EnumType.STRING)
    @Column(name = "approval_level")
    public ApprovalLevel level;
    @Enumerated(EnumType.STRING)
    public ApprovalSide side;
    public String actor;
    public OffsetDateTime approvedAt;
    public String comment;

    static PairYearApproval of(long pairYearId, ApprovalLevel level, ApprovalSide side, String actor,
            OffsetDateTime at, String comment) {
        PairYearApproval approval = new PairYearApproval();
        approval.pairYearId = pairYearId;
        approval.level = level;
        approval.side = side;
        approval.actor = actor;
        approval.approvedAt = at;
        approval.comment = comment;
        return approval;
    }

    /** The approvals in force of a pair-year, lowest level first. */
    static List<PairYearApproval> inForce(long pairYearId) {
        return list("pairYearId = ?1 order by level, side", pairYearId);
    }

    /** The approvals in force of these pair-years, in one statement. */
    static List<PairYearApproval> inForce(Collection<Long> pairYearIds) {
        return pairYearIds.isEmpty() ? List.of() : list("pairYearId in ?1", pairYearIds);
    }

    static boolean has(Collection<PairYearApproval> approvals, ApprovalLevel level, ApprovalSide side) {
        return approvals.stream().anyMatch(a -> a.level == level && a.side == side);
    }

    static boolean complete(Collection<PairYearApproval> approvals, ApprovalLevel level) {
        return Set.copyOf(approvals.stream().filter(a -> a.level == level).map(a -> a.side).toList())
                .containsAll(level.sides());
    }

    /**
     * Its changes move no scope of their own: an approval is shown only with its pair-year, and is given or
     * withdrawn only with a change of the pair-year (its state and count of approvals in force) and a history entry,
     * which move the pair's scopes.
     */
    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
