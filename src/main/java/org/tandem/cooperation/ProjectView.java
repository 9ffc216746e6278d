package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.registry.CountyRef;

@Schema(name = "Project")
record ProjectView(
        @Schema(required = true) long id,
        @Schema(required = true) long pairing,
        @Schema(required = true, examples = "ZJ-MFG-2023") String program,
        @Schema(required = true) String track,
        @Schema(required = true) String title,
        String leadEnterprise,
        @Schema(required = true) CountyRef hostCounty,
        BigDecimal investment,
        BigDecimal expectedAnnualOutput,
        BigDecimal expectedAnnualTax,
        @Schema(required = true) ProjectStatus status,
        @Schema(required = true) LocalDate plannedOn,
        LocalDate signedOn,
        LocalDate constructionStartedOn,
        LocalDate productionStartedOn,
        LocalDate cancelledOn,
        String description) {

    static ProjectView of(CooperationProject p) {
        return new ProjectView(p.id, p.pairing.id, p.pairing.program.code, p.track.code, p.title, p.leadEnterprise,
                CountyRef.of(p.hostCounty), p.investment, p.expectedAnnualOutput, p.expectedAnnualTax, p.status,
                p.plannedOn, p.signedOn, p.constructionStartedOn, p.productionStartedOn, p.cancelledOn,
                p.description);
    }
}
