package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.registry.CountyRef;

@Schema(name = "Park")
record ParkView(
        @Schema(required = true) long id,
        @Schema(required = true) long pairing,
        @Schema(required = true) String name,
        @Schema(required = true) CountyRef hostCounty,
        LocalDate establishedOn,
        BigDecimal areaMu,
        String focusIndustry) {

    static ParkView of(CooperationPark p) {
        return new ParkView(p.id, p.pairing.id, p.name, CountyRef.of(p.hostCounty), p.establishedOn, p.areaMu,
                p.focusIndustry);
    }
}
