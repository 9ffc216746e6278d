package org.tandem.funding;

import java.math.BigDecimal;
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

import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Program;

/**
 * A programme-year's total split among its pairs by a published rule, from their finalized assessments: a DRAFT
 * until an assessor or admin approves it, which writes each pair's amount into the ledger. At most one is approved
 * per programme-year; what changes after that is a ledger entry, never this.
 */
@Entity
class Allocation extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "allocation_seq")
    @SequenceGenerator(name = "allocation_seq", sequenceName = "allocation_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    public Program program;
    @Column(name = "calendar_year")
    public int year;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rule_id")
    public AllocationRule rule;
    @Enumerated(EnumType.STRING)
    public AllocationStatus status;
    public BigDecimal total;
    public BigDecimal reserve;
    /** SHA-256 of the rule and of every assessment the split was computed from. */
    public String inputsDigest;
    /** The {@link AllocationView.Breakdown} as JSON. */
    public String breakdown;
    public String computedBy;
    public OffsetDateTime approvedAt;
    public String approvedBy;

    /** Approves this draft, computed from inputs whose digest was {@code inputsDigest}, if they are still those. */
    void approve(String currentDigest, String actor) {
        if (status != AllocationStatus.DRAFT) {
            throw ProblemException.conflict("allocation-approved", "allocation " + id + " is approved already");
        }
        if (!currentDigest.equals(inputsDigest)) {
            throw ProblemException.conflict("allocation-stale", "the assessments or the pairs of " + program.code + " "
                    + year + " changed since allocation " + id + " was computed; compute it again");
        }
        status = AllocationStatus.APPROVED;
        approvedAt = OffsetDateTime.now();
        approvedBy = actor;
    }

    /**
     * No kept read shows an allocation: its changes move no scope. Approving one writes its pairs' ledger entries,
     * which move theirs.
     */
    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
