package org.tandem.indicator;

import java.math.BigDecimal;
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

    /** A change of it is a change of its pairing's records, and of those of its kind. */
    @Override
    public Set<String> scopes() {
        return Pairing.scopesOfRecordsOf(pairing, RecordKind.VALUES);
    }
}
