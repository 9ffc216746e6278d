package org.tandem.document;

import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.tandem.cache.ScopedData;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One version of a document's content as uploaded, never changed: the client's file name, the media type detected
 * from the bytes, size and SHA-256, who uploaded it and when. The bytes are rows of {@code document_chunk}.
 */
@Entity
class DocumentVersion extends PanacheEntityBase implements ScopedData {

    @Id
    @GeneratedValue(generator = "document_version_seq")
    @SequenceGenerator(name = "document_version_seq", sequenceName = "document_version_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id")
    public Document document;
    public int number;
    public String fileName;
    public String mediaType;
    public long sizeBytes;
    public String sha256;
    public int chunkSize;
    public String uploadedBy;
    public OffsetDateTime uploadedAt;

    static DocumentVersion of(Document document, int number, String fileName, Chunks.Stored stored, String actor) {
        DocumentVersion version = new DocumentVersion();
        version.document = document;
        version.number = number;
        version.fileName = fileName;
        version.mediaType = stored.mediaType();
        version.sizeBytes = stored.size();
        version.sha256 = stored.sha256();
        version.chunkSize = stored.chunkSize();
        version.uploadedBy = actor;
        version.uploadedAt = OffsetDateTime.now();
        return version;
    }

    /** A document's version by number, or null. */
    static DocumentVersion find(long documentId, int number) {
        return find("document.id = ?1 and number = ?2", documentId, number).firstResult();
    }

    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
