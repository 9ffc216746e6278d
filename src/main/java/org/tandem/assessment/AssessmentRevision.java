package org.tandem.assessment;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.CreationTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The finalized result of an assessment as it stood before it was reopened, with who reopened it and why. */
@Entity
public class AssessmentRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "assessment_revision_seq")
    @SequenceGenerator(name = "assessment_revision_seq", sequenceName = "assessment_revision_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;
    public int number;
    /** The assessment's view (totals, grade, breakdown, adjustments) as JSON. */
    public String snapshot;
    public String reason;
    public String actor;
    @CreationTimestamp
    public OffsetDateTime createdAt;
}
