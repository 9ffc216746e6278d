package org.tandem.assessment;

import java.math.BigDecimal;
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

/** A reviewer's bonus, deduction or veto on an assessment, under one of the scheme's items, with a reason. */
@Entity
public class AssessmentAdjustment extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "assessment_adjustment_seq")
    @SequenceGenerator(name = "assessment_adjustment_seq", sequenceName = "assessment_adjustment_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;
    public String itemCode;
    public BigDecimal points;
    public String reason;
    public String actor;
    @CreationTimestamp
    public OffsetDateTime createdAt;
}
