package org.tandem.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Immutable;
import org.tandem.cache.ScopedData;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.Program;
import org.tandem.registry.RecordKind;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One entry of the funding ledger: written once, never changed or deleted (a mistake is reversed by a
 * {@link EntryKind#CORRECTION}). {@code amount} is signed: what the entry adds to its {@link #effect}.
 */
@Entity
@Immutable
class LedgerEntry extends PanacheEntityBase implements ScopedData {

    @Id
    @GeneratedValue(generator = "ledger_entry_seq")
    @SequenceGenerator(name = "ledger_entry_seq", sequenceName = "ledger_entry_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    public Program program;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pairing_id")
    public Pairing pairing;
    @Column(name = "calendar_year")
    public int year;
    @Enumerated(EnumType.STRING)
    public EntryKind kind;
    /** ALLOCATION, DISBURSEMENT or CLAWBACK: the total this entry changes. */
    @Enumerated(EnumType.STRING)
    public EntryKind effect;
    public BigDecimal amount;
    /** The track the money is earmarked for, if any. */
    public String trackCode;
    public Long allocationId;
    public Long assessmentId;
    public Long reversesId;
    public LocalDate paidOn;
    public String reference;
    public String reason;
    /** Recorded past the rule that nothing pays out more than was allocated, by an admin, with a reason. */
    public boolean override;
    public String recordedBy;
    @CreationTimestamp
    public OffsetDateTime createdAt;

    static LedgerEntry allocated(Allocation allocation, long pairingId, BigDecimal amount, String actor) {
        LedgerEntry entry = new LedgerEntry();
        entry.program = allocation.program;
        entry.pairing = Pairing.getEntityManager().getReference(Pairing.class, pairingId);
        entry.year = allocation.year;
        entry.kind = EntryKind.ALLOCATION;
        entry.effect = EntryKind.ALLOCATION;
        entry.amount = amount;
        entry.allocationId = allocation.id;
        entry.reason = "allocation " + allocation.id + " approved";
        entry.recordedBy = actor;
        return entry;
    }

    /** The entry that reverses this one; 409 for a correction, which is never reversed itself. */
    LedgerEntry reversal(String reason, boolean override, String actor) {
        if (kind == EntryKind.CORRECTION) {
            throw ProblemException.conflict("correction-not-reversible",
                    "entry " + id + " is a correction; record the original entry again instead of reversing it");
        }
        LedgerEntry entry = new LedgerEntry();
        entry.program = program;
        entry.pairing = pairing;
        entry.year = year;
        entry.kind = EntryKind.CORRECTION;
        entry.effect = effect;
        entry.amount = amount.negate();
        entry.trackCode = trackCode;
        entry.reversesId = id;
        entry.reason = reason;
        entry.override = override;
        entry.recordedBy = actor;
        return entry;
    }

    /** An entry is a record of its pair: the programme summary adds up the ledger with the pair's other records. */
    @Override
    public Set<String> scopes() {
        return Pairing.scopesOfRecords(Pairing.idOf(pairing), Program.idOf(program), RecordKind.LEDGER);
    }
}
