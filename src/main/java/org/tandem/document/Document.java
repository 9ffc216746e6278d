package org.tandem.document;

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

import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;

/**
 * An evidence document attached to a record of a pairing: its versions hold the content ({@link DocumentVersion}),
 * the newest is the current one. Deleting it only marks it, with who, when and why.
 */
@Entity
class Document extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "document_seq")
    @SequenceGenerator(name = "document_seq", sequenceName = "document_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pairing_id")
    public Pairing pairing;
    @Enumerated(EnumType.STRING)
    public SubjectKind subjectKind;
    public long subjectId;
    /** The pair-year it counts against: the subject's year for actuals (also its key), else as Subjects says. */
    @Column(name = "calendar_year")
    public int year;
    public int currentVersion;
    public OffsetDateTime deletedAt;
    public String deletedBy;
    public String deleteReason;

    /** A new document of the subject's record, counted against {@code year}; its first version is to come. */
    static Document of(Subjects.Target target) {
        Document document = new Document();
        document.pairing = target.pairing();
        document.subjectKind = target.subject().kind();
        document.subjectId = target.subject().id();
        document.year = target.year();
        document.currentVersion = 1;
        return document;
    }

    /** The subject it is attached to, as clients name it. */
    Subject subject() {
        return new Subject(subjectKind, subjectId, subjectKind == SubjectKind.ACTUALS ? year : null);
    }

    boolean deleted() {
        return deletedAt != null;
    }

    /** Refuses a change of a deleted document with 409. */
    void checkNotDeleted() {
        if (deleted()) {
            throw ProblemException.conflict("document-deleted", "document " + id + " was deleted: " + deleteReason);
        }
    }

    /** The number the next version takes, which becomes the current one. */
    int nextVersion() {
        checkNotDeleted();
        currentVersion = currentVersion + 1;
        return currentVersion;
    }

    /** Marks it deleted; its versions and their bytes stay. */
    void delete(String actor, String reason) {
        checkNotDeleted();
        deletedAt = OffsetDateTime.now();
        deletedBy = actor;
        deleteReason = reason;
    }

    /** No kept read shows documents: their changes move no scope. */
    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
