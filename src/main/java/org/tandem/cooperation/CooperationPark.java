package org.tandem.cooperation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.registry.County;
import org.tandem.registry.Pairing;
import org.tandem.registry.RecordKind;

/** An industrial cooperation park (产业合作园区) co-built by a pairing. */
@Entity
class CooperationPark extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "cooperation_park_seq")
    @SequenceGenerator(name = "cooperation_park_seq", sequenceName = "cooperation_park_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pairing_id")
    public Pairing pairing;
    public String name;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "host_county_code")
    public County hostCounty;
    public LocalDate establishedOn;
    public BigDecimal areaMu;
    public String focusIndustry;

    /** A new park co-built by {@code pairing}. */
    static CooperationPark of(Pairing pairing) {
        CooperationPark park = new CooperationPark();
        park.pairing = pairing;
        return park;
    }

    /** Takes the details clients write: the host must be one of the pair's counties; the area is kept to 2 decimals. */
    void describe(ParkInput body) {
        name = body.name();
        hostCounty = PairingScope.hostCounty(pairing, body.hostCounty());
        establishedOn = body.establishedOn();
        areaMu = body.areaMu() == null ? null : body.areaMu().setScale(2, RoundingMode.HALF_UP);
        focusIndustry = body.focusIndustry();
    }

    /** A change of it is a change of its pairing's records, and of those of its kind. */
    @Override
    public Set<String> scopes() {
        return Pairing.scopesOfRecordsOf(pairing, RecordKind.PARKS);
    }
}
