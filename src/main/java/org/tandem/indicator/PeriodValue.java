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

/** A pair's progress value of one indicator in one period of a year (季度 / 半年 进度值); never scored. */
@Entity
class PeriodValue extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "period_value_seq")
    @SequenceGenerator(name = "period_value_seq", sequenceName = "period_value_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pairing_id")
    public Pairing pairing;
    public int calendarYear;
    @Enumerated(EnumType.STRING)
    public ReportingPeriodKind period;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_code")
    public Indicator indicator;
    public BigDecimal quantity;

    static PeriodValue of(Pairing pairing, int year, ReportingPeriodKind period, Indicator indicator,
            BigDecimal quantity) {
        PeriodValue value = new PeriodValue();
        value.pairing = pairing;
        value.calendarYear = year;
        value.period = period;
        value.indicator = indicator;
        value.quantity = quantity;
        return value;
    }

    /** The stored values of a pair-year's period, in the catalogue's order, in one statement. */
    static List<PeriodValue> of(long pairingId, int year, ReportingPeriodKind period) {
        return find("from PeriodValue v join fetch v.indicator i join fetch i.track t"
                + " where v.pairing.id = ?1 and v.calendarYear = ?2 and v.period = ?3 order by t.position, i.code",
                pairingId, year, period).list();
    }

    ValueView view() {
        return new ValueView(indicator.code, Quantities.plain(quantity), updatedAt);
    }

    /** A change of it is a change of its pairing's records, and of those of its kind. */
    @Override
    public Set<String> scopes() {
        return Pairing.scopesOfRecordsOf(pairing, RecordKind.PERIOD_VALUES);
    }
}
