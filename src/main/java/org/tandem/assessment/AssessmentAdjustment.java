package org.tandem.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.CreationTimestamp;
import org.tandem.cache.ScopedData;
import org.tandem.registry.Program;
import org.tandem.scoring.Adjustment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reviewer's bonus, deduction or veto on an assessment, under one of the scheme's items, with a reason. */
@Entity
class AssessmentAdjustment extends PanacheEntityBase implements ScopedData {

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

    /** The adjustments recorded on a programme-year's assessments, by pairing id, in order: one query. */
    static Map<Long, List<Adjustment>> byPairing(Program program, int year) {
        Map<Long, List<Adjustment>> byPairing = new HashMap<>();
        List<Object[]> rows = getEntityManager().createQuery(
                "select a.pairing.id, j.itemCode, j.points, j.reason from AssessmentAdjustment j join j.assessment a"
                        + " where a.program = :program and a.year = :year order by j.id",
                Object[].class).setParameter("program", program).setParameter("year", year).getResultList();
        for (Object[] row : rows) {
            byPairing.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                    .add(new Adjustment((String) row[1], (BigDecimal) row[2], (String) row[3]));
        }
        return byPairing;
    }

    /** A change of it is a change of its assessment. */
    @Override
    public Set<String> scopes() {
        return Assessment.scopesOf(assessment);
    }
}
