package org.tandem.cooperation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.PairingStatus;
import org.tandem.registry.Program;
import org.tandem.web.DateRange;

import io.quarkus.security.Authenticated;

@Path("/api/v1/programs/{code}/park-coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parks")
@Authenticated
public class ParkCoverageResource {

    @GET
    @Operation(summary = "How many of the program's pairings have a park", description = "The seed reports 18 of 18 by June 2024; asOf counts only parks established by that date.")
    public ParkCoverage parkCoverage(@PathParam("code") String code,
            @QueryParam("asOf") @DateRange @Parameter(description = DateRange.IN_RANGE) LocalDate asOf) {
        Program program = Program.findByCode(code);
        if (program == null) {
            throw ProblemException.notFound("program", code);
        }
        long pairings = Pairing.count("program = ?1 and status <> ?2", program, PairingStatus.DISSOLVED);
        String established = asOf == null ? "" : " and k.establishedOn <= :asOf";
        var query = CooperationPark.getEntityManager().createQuery("select count(distinct k.pairing.id)"
                + " from CooperationPark k where k.pairing.program = :program and k.pairing.status <> :dissolved"
                + established, Long.class).setParameter("program", program)
                .setParameter("dissolved", PairingStatus.DISSOLVED);
        if (asOf != null) {
            query.setParameter("asOf", asOf);
        }
        long withPark = query.getSingleResult();
        BigDecimal coverage = pairings == 0 ? null
                : BigDecimal.valueOf(withPark).divide(BigDecimal.valueOf(pairings), 4, RoundingMode.HALF_UP);
        return new ParkCoverage(program.code, asOf, pairings, withPark, coverage);
    }
}
