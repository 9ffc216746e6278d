package org.tandem.registry;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.tandem.problem.ProblemException;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

/** Programmes as a whole: creating and removing them, and their designations with the counties they name. */
@ApplicationScoped
class Programs {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name", "startYear",
            "startYear");

    PageOf<ProgramView> list(PageRequest paging) {
        var query = Program.<Program> findAll(paging.toSort(SORTABLE, "code", "id")).page(paging.toPage());
        return PageOf.of(query.list().stream().map(ProgramView::of).toList(), paging, query::count);
    }

    Program create(ProgramInput input) {
        if (input.code() == null) {
            throw ProblemException.invalid("code", "must not be null");
        }
        Program program = new Program();
        program.describe(input);
        if (Program.findByCode(input.code()) != null) {
            throw ProblemException.conflict("duplicate-code", "a program with code " + input.code() + " already exists");
        }
        program.code = input.code();
        program.persistAndFlush();
        PairingCounts.start(program.id);
        return program;
    }

    void update(Program program, ProgramInput input) {
        if (input.code() != null && !input.code().equals(program.code)) {
            throw ProblemException.conflict("code-immutable", "a program's code cannot change");
        }
        program.describe(input);
        program.persistAndFlush();
    }

    /** Removes a programme that has no pairings; 409 while it has some. */
    void delete(Program program) {
        long pairings = Pairing.count("program", program);
        if (pairings > 0) {
            throw ProblemException.conflict("program-has-pairings",
                    "program " + program.code + " still has " + pairings + " pairings; delete them first");
        }
        program.delete();
    }

    Designations.View designate(Program program, Designations.Input input) {
        program.designate(input);
        program.persistAndFlush();
        return designationsOf(program);
    }

    /** The designated counties with their names, read in one query. */
    Designations.View designationsOf(Program program) {
        Map<String, County> counties = new HashMap<>();
        if (!program.designations.isEmpty()) {
            County.<County> list("code in ?1", program.designations.keySet()).forEach(c -> counties.put(c.code, c));
        }
        return new Designations.View(program.code, refs(program, counties, DesignationRole.INDUSTRIAL),
                refs(program, counties, DesignationRole.MOUNTAIN));
    }

    private static List<CountyRef> refs(Program program, Map<String, County> counties, DesignationRole role) {
        return program.designations.entrySet().stream().filter(e -> e.getValue() == role)
                .map(e -> CountyRef.of(counties.get(e.getKey()))).sorted(Comparator.comparing(CountyRef::code))
                .toList();
    }
}
