package org.tandem.funding;

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
 * One version of a programme-year's allocation rule; like a scoring scheme, immutable once published, and only a
 * published rule is used for an allocation. A change is a new version.
 */
@Entity
@jakarta.persistence.Table(name = "allocation_rule")
class AllocationRule extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "allocation_rule_seq")
    @SequenceGenerator(name = "allocation_rule_seq", sequenceName = "allocation_rule_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    public Program program;
    @Column(name = "calendar_year")
    public int year;
    /** 1, 2, 3… per programme-year, in order of creation. */
    public int number;
    @Enumerated(EnumType.STRING)
    public RuleStatus status;
    public String name;
    public String description;
    public boolean example;
    /** The {@link AllocationTerms} as JSON. */
    public String terms;
    public OffsetDateTime publishedAt;
    public String publishedBy;

    void checkEditable() {
        if (status == RuleStatus.PUBLISHED) {
            throw ProblemException.conflict("allocation-rule-published",
                    "allocation rule " + id + " is published and cannot change; create a new version instead");
        }
    }

    void checkUsable() {
        if (status != RuleStatus.PUBLISHED) {
            throw ProblemException.conflict("allocation-rule-not-published",
                    "allocation rule " + id + " is a draft; publish it before allocating with it");
        }
    }

    void publish(String actor) {
        checkEditable();
        status = RuleStatus.PUBLISHED;
        publishedAt = OffsetDateTime.now();
        publishedBy = actor;
    }

    /** No kept read shows an allocation rule: its changes move no scope. */
    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
