package org.tandem.indicator;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.tandem.IdArray;
import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.registry.Pairing;
import org.tandem.registry.RecordKind;

/** A pair's target or reported actual of one indicator in one year (目标值 / 完成值). */
@Entity
class IndicatorValue extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "indicator_value_seq")
    @SequenceGenerator(name = "indicator_value_seq", sequenceName = "indicator_value_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pairing_id")
    public Pairing pairing;
    public int calendarYear;
    @Enumerated(EnumType.STRING)
    public ValueKind kind;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_code")
    public Indicator indicator;
    public BigDecimal quantity;

    static IndicatorValue of(Pairing pairing, int year, ValueKind kind, Indicator indicator, BigDecimal quantity) {
        IndicatorValue value = new IndicatorValue();
        value.pairing = pairing;
        value.calendarYear = year;
        value.kind = kind;
        value.indicator = indicator;
        value.quantity = quantity;
        return value;
    }

    /** The stored values of one kind for a pair-year, in the catalogue's order. */
    public static List<IndicatorValue> of(long pairingId, int year, ValueKind kind) {
        return find("from IndicatorValue v join fetch v.indicator i join fetch i.track t"
                + " where v.pairing.id = ?1 and v.calendarYear = ?2 and v.kind = ?3 order by t.position, i.code",
                pairingId, year, kind).list();
    }

    /**
     * The stored values of {@code kind} of these pairings in these years, in one statement: the pairings as an
     * {@link IdArray}.
     */
    static List<IndicatorValue> of(List<Long> pairingIds, Collection<Integer> years, ValueKind kind) {
        return IdArray.entities(getEntityManager(), "select v.* from " + IdArray.table("p")
                + " join indicator_value v on v.pairing_id = p.id where v.calendar_year in (?2) and v.kind = ?3",
                IndicatorValue.class, pairingIds).setParameter(2, years).setParameter(3, kind.name()).getResultList();
    }

    /** A change of it is a change of its pairing's records, and of those of its kind. */
    @Override
    public Set<String> scopes() {
        return Pairing.scopesOfRecordsOf(pairing, RecordKind.VALUES);
    }
}
