package org.tandem.registry;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.tandem.problem.ProblemException;
import org.tandem.web.Filter;
import org.tandem.web.InList;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import io.quarkus.panache.common.Sort;

/** Pairings with the programme and counties they join: finding, forming, re-forming and dissolving them. */
@ApplicationScoped
class Pairings {

    private static final Map<String, String> SORTABLE = Map.of("id", "p.id", "formedOn", "p.formedOn", "status",
            "p.status");

    /**
     * A page of pairings, each with its programme and counties, in three statements whatever the page size: the
     * page's ids, filtered and sorted on the pairing's own columns (the programme by its id); the columns the view
     * shows of those pairings, their programme and counties; and the count (of a programme filtered by nothing else,
     * its stored count: {@link PairingCounts}), unless the page tells the total.
     * Joining the counties of every pairing of a programme before the sort and limit cost ~14 ms uncached at 2,000
     * pairings.
     */
    PageOf<PairingView> list(String program, String county, PairingStatus status, PageRequest paging) {
        Filter filter = new Filter();
        Long programId = null;
        if (program != null) {
            programId = ReadScopes.pairingsOf(program);
            if (programId == null) {
                return new PageOf<>(List.of(), paging.page, paging.size, paging.total(() -> 0));
            }
            filter.and("p.program.id = :program", "program", programId);
        }
        filter.and("(p.industrialCounty.code = :county or p.mountainCounty.code = :county)", "county", county);
        filter.and("p.status = :status", "status", status);
        String counted = filter.where();
        Map<String, Object> countParams = Map.copyOf(filter.params());
        Sort order = paging.toSort(SORTABLE, "id", "p.id");
        // A programme's pairings in id order are read from pairing_program_idx (V30), or with a status from
        // pairing_program_status_idx (V1), instead of sorting all of them.
        String inIndex = PageRequest.orderByIdInIndex(order, "p.id", "p.id", program == null ? List.of()
                : status == null ? List.of("p.program.id") : List.of("p.program.id", "p.status"));
        if (inIndex != null && status == null) {
            // Every id is at least Long.MIN_VALUE: a condition on the id makes H2 take pairing_program_idx, which
            // has it, over the foreign key's own index on program_id alone, which it otherwise prefers and
            // cannot walk in id order.
            filter.and("p.id >= :lowest", "lowest", Long.MIN_VALUE);
        }
        String orderBy = inIndex != null ? inIndex : PageRequest.orderBy(order);
        var idQuery = Pairing.getEntityManager().createQuery("select p.id from Pairing p" + filter.where()
                + orderBy, Long.class).setFirstResult(paging.page * paging.size).setMaxResults(paging.size);
        filter.params().forEach(idQuery::setParameter);
        List<Long> ids = idQuery.getResultList();
        Map<Long, PairingView> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            // The columns the view shows, not the entities: materializing four entities a line took about a third of
            // the CPU of a page computed afresh.
            InList in = InList.of("id", ids);
            in.bind(Pairing.getEntityManager().createQuery("select p.id, g.code, ic.code, ic.name, mc.code, mc.name,"
                    + " p.formedOn, p.status, p.evidence, p.sourceNote from Pairing p join p.program g"
                    + " join p.industrialCounty ic join p.mountainCounty mc where p.id in " + in.sql(), Object[].class))
                    .getResultList().forEach(row -> byId.put((Long) row[0], new PairingView((Long) row[0],
                            (String) row[1], new CountyRef((String) row[2], (String) row[3]),
                            new CountyRef((String) row[4], (String) row[5]), (LocalDate) row[6],
                            (PairingStatus) row[7], (Evidence) row[8], (String) row[9])));
        }
        // A programme's pairings, filtered by nothing else, are as many as its stored count (PairingCounts).
        Long storedCountOf = county == null && status == null ? programId : null;
        return PageOf.of(ids.stream().map(byId::get).toList(), paging, () -> {
            Long stored = storedCountOf == null ? null : PairingCounts.of(storedCountOf);
            return stored != null ? stored : Filter.count("from Pairing p" + counted, countParams);
        });
    }

    Pairing create(PairingInput input) {
        Pairing pairing = new Pairing();
        pairing.pair(programOf(input.program()), county(input.industrialCounty(), "industrialCounty"),
                county(input.mountainCounty(), "mountainCounty"));
        pairing.describe(input);
        pairing.persistAndFlush();
        PairingCounts.add(pairing.program.id, 1);
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
        PairingCounts.add(pairing.program.id, -1);
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
