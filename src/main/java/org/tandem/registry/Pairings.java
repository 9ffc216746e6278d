package org.tandem.registry;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.tandem.problem.ProblemException;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

/** Pairings with the programme and counties they join: finding, forming, re-forming and dissolving them. */
@ApplicationScoped
class Pairings {

    private static final Map<String, String> SORTABLE = Map.of("id", "p.id", "formedOn", "p.formedOn", "status",
            "p.status");

    /** A page of pairings, each with its programme and counties: two queries whatever the page size. */
    PageOf<PairingView> list(String program, String county, PairingStatus status, PageRequest paging) {
        if (program != null) {
            ReadScopes.pairingsOf(program);
        }
        Filter filter = new Filter();
        filter.and("p.program.code = :program", "program", program);
        filter.and("(p.industrialCounty.code = :county or p.mountainCounty.code = :county)", "county", county);
        filter.and("p.status = :status", "status", status);
        List<PairingView> items = Pairing.<Pairing> find("from Pairing p join fetch p.program"
                + " join fetch p.industrialCounty join fetch p.mountainCounty" + filter.where(),
                paging.toSort(SORTABLE, "id", "p.id"), filter.params()).page(paging.toPage()).list()
                .stream().map(PairingView::of).toList();
        return new PageOf<>(items, paging.page, paging.size,
                paging.total(() -> Pairing.count("from Pairing p" + filter.where(), filter.params())));
    }

    Pairing create(PairingInput input) {
        Pairing pairing = new Pairing();
        pairing.pair(programOf(input.program()), county(input.industrialCounty(), "industrialCounty"),
                county(input.mountainCounty(), "mountainCounty"));
        pairing.describe(input);
        pairing.persistAndFlush();
        return pairing;
    }

    /** Pairs other counties or changes the details; the programme stays. */
    void replace(Pairing pairing, PairingInput input) {
        if (!pairing.program.code.equals(input.program())) {
            throw ProblemException.conflict("program-immutable", "a pairing cannot move to another program");
        }
        pairing.pair(pairing.program, county(input.industrialCounty(), "industrialCounty"),
                county(input.mountainCounty(), "mountainCounty"));
        pairing.describe(input);
        pairing.persistAndFlush();
    }

    void patch(Pairing pairing, PairingPatch patch) {
        pairing.patch(patch);
        pairing.persistAndFlush();
    }

    void delete(Pairing pairing) {
        pairing.delete();
        Pairing.flush();
    }

    private static Program programOf(String code) {
        Program program = Program.findByCode(code);
        if (program == null) {
            throw ProblemException.invalid("program", "no program with code " + code);
        }
        return program;
    }

    private static County county(String code, String field) {
        County county = County.findById(code);
        if (county == null) {
            throw ProblemException.invalid(field, "no county with code " + code);
        }
        return county;
    }
}
