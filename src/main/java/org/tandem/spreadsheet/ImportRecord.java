package org.tandem.spreadsheet;

import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.tandem.cache.ScopedData;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An import that changed data: who brought in which file, when, of what kind, and what it did. Never changed. */
@Entity
public class ImportRecord extends PanacheEntityBase implements ScopedData {

    @Id
    @GeneratedValue(generator = "import_record_seq")
    @SequenceGenerator(name = "import_record_seq", sequenceName = "import_record_seq", allocationSize = 50)
    public Long id;
    public String kind;
    public String fileName;
    public String sha256;
    public String mediaType;
    public String actor;
    public OffsetDateTime importedAt;
    public String requestId;
    public int rowsRead;
    public int created;
    public int updated;
    public int unchanged;

    /** Imports are never a kept read. */
    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
