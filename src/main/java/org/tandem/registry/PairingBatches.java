package org.tandem.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.tandem.RowResult;
import org.tandem.problem.ProblemException;

/**
 * Writes many pairings at once, with the designations they need, by the rules of the JSON API: each row pairs an
 * industrial and a mountain county of a programme, designating either county on its side first if it is not yet
 * (a county designated on the other side is refused), then creates the pairing, or changes the one the row's key
 * names or the programme's pairing of exactly these two counties, or leaves it unchanged. The caller's
 * transaction commits or rolls back the whole (see {@code RecordBatches} for the same contract).
 */
@ApplicationScoped
public class PairingBatches {

    /** A pairing as a row gives it: its id, or null to find it by its counties or to create it. */
    public record PairingRow(Long id, PairingInput details) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<RowResult> pairings(List<PairingRow> rows) {
        Map<String, Program> programs = new HashMap<>();
        Map<String, County> counties = new HashMap<>();
        Set<Object> seen = new HashSet<>();
        List<RowResult> results = new ArrayList<>();
        for (PairingRow row : rows) {
            PairingInput in = row.details();
            Program program = programs.computeIfAbsent(in.program(), Program::findByCode);
            if (program == null) {
                results.add(RowResult.refused("unknown-program", "program", "no program with code " + in.program()));
                continue;
            }
            County industrial = counties.computeIfAbsent(in.industrialCounty(), code -> County.findById(code));
            County mountain = counties.computeIfAbsent(in.mountainCounty(), code -> County.findById(code));
            if (industrial == null || mountain == null) {
                results.add(RowResult.refused("unknown-county", industrial == null ? "industrialCounty" : "mountainCounty",
                        "no county with code " + (industrial == null ? in.industrialCounty() : in.mountainCounty())));
                continue;
            }
            Pairing pairing = row.id() != null ? Pairing.findById(row.id())
                    : Pairing.<Pairing> find("program = ?1 and industrialCounty = ?2 and mountainCounty = ?3", program,
                            industrial, mountain).firstResult();
            if (row.id() != null && (pairing == null || !pairing.program.code.equals(program.code))) {
                results.add(RowResult.refused("record-not-found", "key", "program " + program.code
                        + " has no pairing " + row.id()));
                continue;
            }
            if (!seen.add(pairing == null ? List.of(program.code, industrial.code, mountain.code) : pairing.id)) {
                results.add(RowResult.refused("duplicate-record", "key", "the same pairing is on an earlier row"));
                continue;
            }
            if (pairing != null && same(pairing, industrial, mountain, in)) {
                results.add(RowResult.of(RowResult.Outcome.UNCHANGED, pairing.id));
                continue;
            }
            try {
                program.designate(industrial.code, DesignationRole.INDUSTRIAL);
            } catch (ProblemException e) {
                results.add(RowResult.refused(e.code(), "industrialCounty", e.getMessage()));
                continue;
            }
            try {
                program.designate(mountain.code, DesignationRole.MOUNTAIN);
            } catch (ProblemException e) {
                results.add(RowResult.refused(e.code(), "mountainCounty", e.getMessage()));
                continue;
            }
            Pairing target = pairing == null ? new Pairing() : pairing;
            try {
                target.pair(program, industrial, mountain);
            } catch (ProblemException e) {
                String field = "same-county".equals(e.code()) || e.getMessage().contains(mountain.code + ")")
                        ? "mountainCounty"
                        : "industrialCounty";
                results.add(RowResult.refused(e.code(), field, e.getMessage()));
                continue;
            }
            target.describe(in);
            target.persistAndFlush();
            if (pairing == null) {
                PairingCounts.add(program.id, 1);
            }
            results.add(RowResult.of(pairing == null ? RowResult.Outcome.CREATED : RowResult.Outcome.UPDATED, target.id));
        }
        return results;
    }

    private static boolean same(Pairing p, County industrial, County mountain, PairingInput in) {
        return p.industrialCounty.code.equals(industrial.code) && p.mountainCounty.code.equals(mountain.code)
                && Objects.equals(p.formedOn, in.formedOn())
                && p.status == (in.status() == null ? PairingStatus.ACTIVE : in.status())
                && p.evidence == in.evidence() && Objects.equals(p.sourceNote, in.sourceNote());
    }

    /** The programme's pairings as rows, in id order, for a template. */
    public List<PairingRow> pairingsOf(String programCode) {
        return Pairing.<Pairing> list("from Pairing p join fetch p.program g where g.code = ?1 order by p.id", programCode)
                .stream().map(p -> new PairingRow(p.id, new PairingInput(p.program.code, p.industrialCounty.code,
                        p.mountainCounty.code, p.formedOn, p.status, p.evidence, p.sourceNote)))
                .toList();
    }
}
