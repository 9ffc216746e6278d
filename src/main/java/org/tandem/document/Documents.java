package org.tandem.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.YearLock;
import org.tandem.security.Access;
import org.tandem.security.Actor;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The evidence documents of records: who may read and write them is who may read and write the record's pairing
 * (county editors only their own pairs', assessors and admins those of adjustments; an objection's are written by
 * the pair's county editors while it is open and by assessors always); a year a finalized assessment locks refuses
 * their changes as it refuses the records'.
 */
@ApplicationScoped
class Documents {

    @Inject
    Access access;
    @Inject
    Actor actor;
    @Inject
    Chunks chunks;
    @Inject
    DocumentLimits limits;
    @Inject
    SecurityIdentity identity;

    /** A document with its current version. */
    record Current(Document document, DocumentVersion version) {

        DocumentView view() {
            return DocumentView.of(document, version);
        }
    }

    /** The documents of a record, current versions, in the order they were attached. */
    @Transactional
    PageOf<DocumentView> list(Subject subject, boolean includeDeleted, int page, int size) {
        Subjects.Target target = Subjects.find(subject);
        access.checkPairingRead(target.pairing());
        String where = " from Document d, DocumentVersion v where v.document = d and v.number = d.currentVersion"
                + " and d.subjectKind = :kind and d.subjectId = :id"
                + (subject.year() == null ? "" : " and d.year = :year")
                + (includeDeleted ? "" : " and d.deletedAt is null");
        var query = Document.getEntityManager().createQuery("select d, v" + where + " order by d.id", Object[].class);
        var count = Document.getEntityManager().createQuery("select count(d)" + where, Long.class);
        for (var q : List.of(query, count)) {
            q.setParameter("kind", subject.kind()).setParameter("id", subject.id());
            if (subject.year() != null) {
                q.setParameter("year", subject.year());
            }
        }
        List<DocumentView> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(row -> DocumentView.of((Document) row[0], (DocumentVersion) row[1])).toList();
        return new PageOf<>(items, page, size, count.getSingleResult());
    }

    /** A document the caller may read, with its current version, or 404. */
    @Transactional
    Current get(long id) {
        Document document = readable(id);
        return new Current(document, DocumentVersion.find(id, document.currentVersion));
    }

    /** Every version of a document, oldest first. */
    @Transactional
    List<VersionView> versions(long id) {
        readable(id);
        return DocumentVersion.<DocumentVersion> find("document.id = ?1 order by number", id).stream()
                .map(VersionView::of).toList();
    }

    /** The version of a document whose content is to be sent (null: the current one); 410 once deleted. */
    @Transactional
    DocumentVersion content(long id, Integer number) {
        Document document = readable(id);
        if (document.deleted()) {
            throw new ProblemException(410, "document-deleted", "Gone",
                    "document " + id + " was deleted: " + document.deleteReason, null);
        }
        DocumentVersion version = DocumentVersion.find(id, number == null ? document.currentVersion : number);
        if (version == null) {
            throw ProblemException.notFound("version", number);
        }
        return version;
    }

    /**
     * Attaches a new document to the subject's record: its content streamed from {@code body} into the store. 413
     * past the size per file or the pair-year's total, 415 for a type not accepted: nothing is stored then.
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "tandem.document.transaction-timeout")
    Current create(Subject subject, String fileName, InputStream body, Long length) {
        Subjects.Target target = Subjects.find(subject);
        checkWrite(target);
        YearLock.check(target.pairing().id, target.lockedBy());
        long max = max(target.pairing().id, target.year(), length);
        Chunks.Head head = chunks.head(body, fileName, max);
        Document document = Document.of(target);
        document.persistAndFlush();
        return store(document, 1, fileName, head, body, max, target.lockedBy());
    }

    /** A new version of a document's content; the old ones are kept. */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "tandem.document.transaction-timeout")
    Current replace(long id, String fileName, InputStream body, Long length, Consumer<Supplier<?>> ifMatch) {
        Document document = Document.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw ProblemException.notFound("document", id);
        }
        Subjects.Target target = writable(document);
        if (target != null) {
            // Refused before the content comes in; checked again, with the pairing's row held, once it is in.
            YearLock.check(target.pairing().id, target.lockedBy());
        }
        ifMatch.accept(() -> new Current(document, DocumentVersion.find(id, document.currentVersion)).view());
        document.checkNotDeleted();
        long max = max(document.pairing.id, document.year, length);
        Chunks.Head head = chunks.head(body, fileName, max);
        int number = document.nextVersion();
        return store(document, number, fileName, head, body, max, target == null ? List.of() : target.lockedBy());
    }

    /** Marks a document deleted with the reason; its versions stay, listed and audited. */
    @Transactional
    Current delete(long id, String reason, Consumer<Supplier<?>> ifMatch) {
        Document document = Document.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw ProblemException.notFound("document", id);
        }
        Subjects.Target target = writable(document);
        if (target != null) {
            // The pairing's row held to the commit: a finalization cannot freeze the year between the check and
            // the delete.
            YearLock.holdAndCheck(target.pairing().id, target.lockedBy());
        }
        ifMatch.accept(() -> new Current(document, DocumentVersion.find(id, document.currentVersion)).view());
        document.delete(actor.name(), reason);
        return new Current(document, DocumentVersion.find(id, document.currentVersion));
    }

    /** Sends bytes {@code from} to {@code to} (inclusive) of a version, read chunk by chunk. */
    void copy(long documentId, int number, int chunkSize, long from, long to, OutputStream out) throws IOException {
        chunks.copy(documentId, number, chunkSize, from, to, out);
    }

    /**
     * Streams the content in, then, with the pairing's row held, checks the pair-year's total and, again, the year
     * lock of {@code lockedBy}: an assessment finalized while the content came in freezes the year before the
     * version is kept.
     */
    private Current store(Document document, int number, String fileName, Chunks.Head head, InputStream body,
            long max, List<Integer> lockedBy) {
        Chunks.Stored stored = chunks.write(document.id, number, head, body, max);
        // The pair-year's total, checked once the size is known, with the pairing locked: two uploads at the same
        // time cannot both squeeze under the limit.
        YearLock.holdAndCheck(document.pairing.id, lockedBy);
        long total = stored(document.pairing.id, document.year);
        long perPairYear = limits.maxPerPairYear().asLongValue();
        if (total + stored.size() > perPairYear) {
            throw pairYearFull(document, perPairYear);
        }
        DocumentVersion version = DocumentVersion.of(document, number, fileName, stored, actor.name());
        version.persistAndFlush();
        return new Current(document, version);
    }

    /** The most the upload may take: the size per file, or what is left of the pair-year's total if less. */
    private long max(long pairingId, int year, Long length) {
        long perFile = limits.maxSize().asLongValue();
        long left = limits.maxPerPairYear().asLongValue() - stored(pairingId, year);
        if (length != null && length > perFile) {
            throw Chunks.tooLarge(perFile);
        }
        if (length != null && length > left) {
            throw new ProblemException(413, "pair-year-full", "Payload too large", "the pair's documents of " + year
                    + " would pass the limit of " + limits.maxPerPairYear().asLongValue() + " bytes", null);
        }
        return Math.min(perFile, Math.max(left, 0));
    }

    private ProblemException pairYearFull(Document document, long perPairYear) {
        return new ProblemException(413, "pair-year-full", "Payload too large", "the pair's documents of "
                + document.year + " would pass the limit of " + perPairYear + " bytes", null);
    }

    /** Bytes the pair-year's documents hold, every version (and deleted documents) counted. */
    private static long stored(long pairingId, int year) {
        Number total = (Number) Document.getEntityManager().createNativeQuery("select coalesce(sum(v.size_bytes), 0)"
                + " from document d join document_version v on v.document_id = d.id"
                + " where d.pairing_id = :pairing and d.calendar_year = :year").setParameter("pairing", pairingId)
                .setParameter("year", year).getSingleResult();
        return total.longValue();
    }

    private Document readable(long id) {
        Document document = Document.findById(id);
        if (document == null) {
            throw ProblemException.notFound("document", id);
        }
        access.checkPairingRead(Pairing.require(document.pairing.id));
        return document;
    }

    /**
     * The record of a document the caller may change now (null: the record is gone and the caller an admin); its
     * year lock is the caller's to check.
     */
    private Subjects.Target writable(Document document) {
        Subjects.Target target;
        try {
            target = Subjects.find(document.subject());
        } catch (ProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            // The record is gone: its documents stay as evidence, changed by admins only.
            access.checkAnyRole("change the documents of a deleted record", Roles.ADMIN);
            return null;
        }
        checkWrite(target);
        return target;
    }

    private void checkWrite(Subjects.Target target) {
        switch (target.writers()) {
            case PAIR:
                access.checkPairing(target.pairing());
                return;
            case ASSESSORS:
                access.checkAnyRole("change the documents of assessment adjustments", Roles.ADMIN, Roles.ASSESSOR);
                return;
            default:
                if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.ASSESSOR)) {
                    return;
                }
                access.checkPairing(target.pairing());
                if (target.writers() == Subjects.Writers.ASSESSORS_ONCE_CLOSED) {
                    throw ProblemException.conflict("objection-resolved", "objection " + target.subject().id()
                            + " was resolved: its documents are changed by assessors only");
                }
        }
    }
}
