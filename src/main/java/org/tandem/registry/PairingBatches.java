package org.tandem.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
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

    /**
     * Decides every row in order, each as the rows before it left the programme, and with {@code write} writes the
     * pairings and designations decided; without, changes nothing. A fixed number of statements reads what the
     * rows need (their programmes, with their designations and pairings, and their counties); new pairings are
     * inserted in one flush at the end, and a changed pairing is written at its row, so that the database's
     * once-per-programme constraints meet the changes in the rows' order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RowResult> pairings(List<PairingRow> rows, boolean write) {
        Map<String, Program> programs = new HashMap<>();
        Program.<Program> list("code in ?1", rows.stream().map(r -> r.details().program()).distinct().toList())
                .forEach(p -> programs.put(p.code, p));
        Map<String, County> counties = counties(rows);
        Map<Long, ProgramState> states = states(programs.values(), write);
        Set<Object> seen = new HashSet<>();
        List<RowResult> results = new ArrayList<>();
        for (PairingRow row : rows) {
            PairingInput in = row.details();
            Program program = programs.get(in.program());
            if (program == null) {
                results.add(RowResult.refused("unknown-program", "program", "no program with code " + in.program()));
                continue;
            }
            County industrial = counties.get(in.industrialCounty());
            County mountain = counties.get(in.mountainCounty());
            if (industrial == null || mountain == null) {
                results.add(RowResult.refused("unknown-county", industrial == null ? "industrialCounty" : "mountainCounty",
                        "no county with code " + (industrial == null ? in.industrialCounty() : in.mountainCounty())));
                continue;
            }
            ProgramState state = states.get(program.id);
            Pairing pairing = row.id() != null ? state.byId.get(row.id()) : state.of(industrial, mountain);
            if (row.id() != null && pairing == null) {
                results.add(RowResult.refused("record-not-found", "key", "program " + program.code
                        + " has no pairing " + row.id()));
                continue;
            }
            if (!seen.add(pairing == null ? List.of(program.code, industrial.code, mountain.code) : pairing)) {
                results.add(RowResult.refused("duplicate-record", "key", "the same pairing is on an earlier row"));
                continue;
            }
            if (pairing != null && same(pairing, industrial, mountain, in)) {
                results.add(RowResult.of(RowResult.Outcome.UNCHANGED, pairing.id));
                continue;
            }
            try {
                program.designate(state.designations, industrial.code, DesignationRole.INDUSTRIAL);
            } catch (ProblemException e) {
                results.add(RowResult.refused(e.code(), "industrialCounty", e.getMessage()));
                continue;
            }
            try {
                program.designate(state.designations, mountain.code, DesignationRole.MOUNTAIN);
            } catch (ProblemException e) {
                results.add(RowResult.refused(e.code(), "mountainCounty", e.getMessage()));
                continue;
            }
            // A dry run changes no pairing it read; a new one is only an object until it is persisted.
            Pairing target = pairing == null ? new Pairing() : pairing;
            try {
                if (write && pairing != null) {
                    Pairing.getEntityManager().unwrap(Session.class).setReadOnly(pairing, false);
                }
                if (write || pairing == null) {
                    target.pair(program, state.designations, industrial, mountain, state.holderOtherThan(target));
                    target.describe(in);
                } else {
                    target.checkPairable(program, state.designations, industrial, mountain,
                            state.holderOtherThan(target));
                }
            } catch (ProblemException e) {
                String field = "same-county".equals(e.code()) || e.getMessage().contains(mountain.code + ")")
                        ? "mountainCounty"
                        : "industrialCounty";
                results.add(RowResult.refused(e.code(), field, e.getMessage()));
                continue;
            }
            state.hold(target, industrial, mountain);
            if (write && pairing == null) {
                target.persist();
                state.created++;
            } else if (write) {
                Pairing.flush();
            }
            results.add(RowResult.of(pairing == null ? RowResult.Outcome.CREATED : RowResult.Outcome.UPDATED, target.id));
        }
        if (write) {
            Pairing.flush();
            states.values().stream().filter(state -> state.created > 0)
                    .forEach(state -> PairingCounts.add(state.programId, state.created));
        }
        return results;
    }

    /** The counties the rows name, by code, a thousand codes a statement. */
    private static Map<String, County> counties(List<PairingRow> rows) {
        List<String> codes = rows.stream()
                .flatMap(r -> Stream.of(r.details().industrialCounty(), r.details().mountainCounty()))
                .filter(Objects::nonNull).distinct().toList();
        Map<String, County> counties = new HashMap<>();
        for (int from = 0; from < codes.size(); from += 1000) {
            County.<County> list("code in ?1", codes.subList(from, Math.min(codes.size(), from + 1000)))
                    .forEach(c -> counties.put(c.code, c));
        }
        return counties;
    }

    /** The programmes' pairings and designations as the rows start from: one statement for all the pairings. */
    private static Map<Long, ProgramState> states(Collection<Program> programs, boolean write) {
        Map<Long, ProgramState> states = new HashMap<>();
        for (Program program : programs) {
            // Written through when the import writes; a copy when it only decides.
            states.put(program.id, new ProgramState(program.id,
                    write ? program.designations : new HashMap<>(program.designations)));
        }
        if (!programs.isEmpty()) {
            // Read-only until a row changes one (writable), so that a flush does not check every one for changes.
            Pairing.<Pairing> find("from Pairing p join fetch p.industrialCounty join fetch p.mountainCounty"
                    + " where p.program in ?1", List.copyOf(programs)).withHint(HibernateHints.HINT_READ_ONLY, true)
                    .list().forEach(p -> states.get(Program.idOf(p.program)).add(p));
        }
        return states;
    }

    /** One programme's pairings and designations as the rows decided so far have left them. */
    private static final class ProgramState {
        final long programId;
        final Map<String, DesignationRole> designations;
        final Map<Long, Pairing> byId = new HashMap<>();
        /** The pairing holding each county of the programme, new ones of earlier rows included. */
        final Map<String, Pairing> holders = new HashMap<>();
        /** Each pairing's counties (industrial, mountain) as decided so far: a dry run leaves the entities as read. */
        final Map<Pairing, String[]> sides = new IdentityHashMap<>();
        int created;

        ProgramState(long programId, Map<String, DesignationRole> designations) {
            this.programId = programId;
            this.designations = designations;
        }

        void add(Pairing pairing) {
            byId.put(pairing.id, pairing);
            hold(pairing, pairing.industrialCounty, pairing.mountainCounty);
        }

        /** The pairing of exactly these two counties, each on its side, or null. */
        Pairing of(County industrial, County mountain) {
            Pairing holder = holders.get(industrial.code);
            return holder != null && Arrays.equals(sides.get(holder), new String[] { industrial.code, mountain.code })
                    ? holder
                    : null;
        }

        Function<County, Pairing> holderOtherThan(Pairing pairing) {
            return county -> {
                Pairing holder = holders.get(county.code);
                return holder == pairing ? null : holder;
            };
        }

        /** {@code pairing} (read, or new) now holds the two counties, and no longer those it held. */
        void hold(Pairing pairing, County industrial, County mountain) {
            String[] before = sides.put(pairing, new String[] { industrial.code, mountain.code });
            if (before != null) {
                holders.remove(before[0], pairing);
                holders.remove(before[1], pairing);
            }
            holders.put(industrial.code, pairing);
            holders.put(mountain.code, pairing);
        }
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
