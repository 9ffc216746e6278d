package org.tandem.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.Hibernate;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.tandem.IdArray;
import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.problem.ProblemException;
import org.tandem.security.CountyScoped;

/** One industrial county and one mountain county paired inside a programme (结对 / 联合体). */
@Entity
public class Pairing extends TrackedEntity implements CountyScoped, ScopedData {

    @Id
    @GeneratedValue(generator = "pairing_seq")
    @SequenceGenerator(name = "pairing_seq", sequenceName = "pairing_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    public Program program;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "industrial_county_code")
    public County industrialCounty;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "mountain_county_code")
    public County mountainCounty;
    public LocalDate formedOn;
    @Enumerated(EnumType.STRING)
    public PairingStatus status;
    @Enumerated(EnumType.STRING)
    public Evidence evidence;
    public String sourceNote;

    /** The scope of a pairing's records (projects, activities, parks, targets, actuals): see {@link ScopedData}. */
    public static String scope(long pairingId) {
        return "pairing:" + pairingId;
    }

    /**
     * How many consecutive pair ids one scope of a kind of record covers ({@link #scope(long, RecordKind)}): as many
     * as a block of the programme summary holds by default, so that a block's figures of one kind depend on one scope.
     */
    public static final int PAIRS_PER_KIND_SCOPE = 16;

    /**
     * The scope of one kind of the records of the pairings whose ids are {@code pairingId}'s block of
     * {@link #PAIRS_PER_KIND_SCOPE} (ids 0-15, 16-31, …), e.g. {@code activities:pairs:100}: moved with
     * {@link #scope} by every change of a record of that kind, so that figures read from one kind alone (the
     * programme summary's, per block of pairs) stay kept while the pairs' other kinds of record change.
     */
    public static String scope(long pairingId, RecordKind kind) {
        return kind.scopeName() + ":pairs:" + pairingId / PAIRS_PER_KIND_SCOPE;
    }

    /** The scope of the records of every pairing of a programme. */
    public static String recordsScope(long programId) {
        return "program:" + programId;
    }

    /**
     * The scope of one kind of record of every pairing of a programme, e.g. {@code projects:3}: a list of a
     * programme's projects stays kept while its activities are recorded.
     */
    public static String recordsScope(long programId, RecordKind kind) {
        return kind.scopeName() + ":" + programId;
    }

    /** The scope of a programme's pairings themselves (not their records). */
    public static String pairingsScope(long programId) {
        return "pairings:" + programId;
    }

    /** A change of a pairing changes its records' scopes and its programme's list of pairings. */
    @Override
    public Set<String> scopes() {
        long programId = Program.idOf(program);
        return Set.of(scope(id), recordsScope(programId), pairingsScope(programId));
    }

    /**
     * The scopes a change of a record of kind {@code kind} (e.g. {@code activities}) of {@code pairing} moves: the
     * pairing's records', those of that kind of its block of pairs, its programme's records' and its programme's
     * records of that kind; null (any data) when the pairing is not loaded, since its programme is not known without
     * reading it.
     */
    public static Set<String> scopesOfRecordsOf(Pairing pairing, RecordKind kind) {
        if (pairing == null || !Hibernate.isInitialized(pairing)) {
            return null;
        }
        return scopesOfRecords(pairing.id, Program.idOf(pairing.program), kind);
    }

    /**
     * The scopes a change of a record of kind {@code kind} of pairing {@code pairingId} of programme
     * {@code programId} moves: those of {@link #scopesOfRecordsOf(Pairing, RecordKind)}, for a record that knows both
     * ids without loading the pairing.
     */
    public static Set<String> scopesOfRecords(long pairingId, long programId, RecordKind kind) {
        return Set.of(scope(pairingId), scope(pairingId, kind), recordsScope(programId),
                recordsScope(programId, kind));
    }

    /** The id of {@code pairing}, without loading it when it is a reference not yet read. */
    public static long idOf(Pairing pairing) {
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(pairing);
        return lazy != null ? (Long) lazy.getInternalIdentifier() : pairing.id;
    }

    /**
     * Pairs the two counties, enforcing the programme's rules: the sides differ, each side is designated
     * for its role, and neither county is already in another pairing of the programme.
     */
    public void pair(Program program, County industrial, County mountain) {
        pair(program, program.designations, industrial, mountain, county -> find(
                "program = ?1 and (industrialCounty = ?2 or mountainCounty = ?2) and id <> ?3", program, county,
                id == null ? -1L : id).firstResult());
    }

    /** {@link #pair} as {@link #checkPairable} decides it. */
    void pair(Program program, Map<String, DesignationRole> designations, County industrial, County mountain,
            Function<County, Pairing> holder) {
        checkPairable(program, designations, industrial, mountain, holder);
        this.program = program;
        this.industrialCounty = industrial;
        this.mountainCounty = mountain;
    }

    /**
     * The rules of {@link #pair} without pairing: throws the conflict that pairing the two counties in
     * {@code program} would meet, given its {@code designations} and {@code holder}, the pairing other than this one
     * that holds a county of the programme (or null).
     */
    void checkPairable(Program program, Map<String, DesignationRole> designations, County industrial, County mountain,
            Function<County, Pairing> holder) {
        if (industrial.code.equals(mountain.code)) {
            throw ProblemException.conflict("same-county", "a county cannot be paired with itself");
        }
        if (designations.get(industrial.code) != DesignationRole.INDUSTRIAL) {
            throw ProblemException.conflict("not-designated-industrial", industrial.name + " (" + industrial.code
                    + ") is not designated as an industrial county in program " + program.code);
        }
        if (designations.get(mountain.code) != DesignationRole.MOUNTAIN) {
            throw ProblemException.conflict("not-designated-mountain", mountain.name + " (" + mountain.code
                    + ") is not designated as a mountain county in program " + program.code);
        }
        for (County county : new County[] { industrial, mountain }) {
            Pairing existing = holder.apply(county);
            if (existing != null && existing.id == null) {
                // A pairing decided but not saved (by an earlier row of a dry run) has no id to name yet.
                throw ProblemException.conflict("county-already-paired", county.name + " (" + county.code
                        + ") is already in a new pairing of program " + program.code + ": "
                        + existing.industrialCounty.name + " – " + existing.mountainCounty.name);
            }
            if (existing != null) {
                // Naming the pairing that holds the county lets the client go and look at it.
                throw ProblemException.conflict("county-already-paired", county.name + " (" + county.code
                        + ") is already in pairing " + existing.id + " of program " + program.code + ": "
                        + existing.industrialCounty.name + " – " + existing.mountainCounty.name
                        + ", /api/v1/pairings/" + existing.id);
            }
        }
    }

    /** Takes the details of {@code input}: when it was formed, its status (ACTIVE if none), its evidence. */
    void describe(PairingInput input) {
        formedOn = input.formedOn();
        status = input.status() == null ? PairingStatus.ACTIVE : input.status();
        evidence = input.evidence();
        sourceNote = input.sourceNote();
    }

    /** Takes the details {@code patch} has; those it leaves out stay as they are. */
    void patch(PairingPatch patch) {
        if (patch.formedOn() != null) {
            formedOn = patch.formedOn();
        }
        if (patch.status() != null) {
            status = patch.status();
        }
        if (patch.evidence() != null) {
            evidence = patch.evidence();
        }
        if (patch.sourceNote() != null) {
            sourceNote = patch.sourceNote();
        }
    }

    /** Its two counties: their editors may change what is recorded for it. */
    @Override
    public List<String> countyCodes() {
        return List.of(industrialCounty.code, mountainCounty.code);
    }

    @Override
    public List<String> countyNames() {
        return List.of(industrialCounty.name, mountainCounty.name);
    }

    /**
     * Locks pairing {@code id}'s row to the end of the transaction: the writes of one pairing that must not
     * interleave (a year lock and the data it freezes, a pair's ledger) take turns on it.
     */
    public static void lockRow(long id) {
        // Taking a lock needs nothing of this transaction's pending changes in the database: no flush before it, which
        // would dirty-check every entity an import has loaded, once per pairing it locks.
        getEntityManager().createNativeQuery("select id from pairing where id = :id for update").setParameter("id", id)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    /**
     * Locks the rows of the pairings {@code ids} as {@link #lockRow} locks one, all in one statement and in id
     * order, the order every writer of several pairings takes them in, so that no two writers deadlock.
     * PostgreSQL locks the rows of a sorted {@code for update} as they come out of the sort; H2 as it reads them,
     * which is in id order whether it walks the array (sorted here) or the primary key.
     */
    public static void lockRows(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        IdArray.rows(getEntityManager(), "select p.id from pairing p join " + IdArray.table("k")
                + " on p.id = k.id order by p.id for update", Pairing.class, new TreeSet<>(ids))
                .setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    /** The pairing with its program and counties, in one query. */
    public static Pairing require(long id) {
        Pairing pairing = Pairing.find("from Pairing p join fetch p.program join fetch p.industrialCounty"
                + " join fetch p.mountainCounty where p.id = ?1", id).firstResult();
        if (pairing == null) {
            throw ProblemException.notFound("pairing", id);
        }
        return pairing;
    }
}
