package org.tandem.audit;

import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;
import org.tandem.cache.ScopedData;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One recorded change. Written by {@link AuditLog} only; immutable here, so it can be read and never changed. */
@Entity
@Immutable
public class AuditEvent extends PanacheEntityBase implements ScopedData {

    @Id
    public Long id;
    public OffsetDateTime occurredAt;
    public String actor;
    public String action;
    public String entityType;
    public String entityId;
    public String beforeState;
    public String afterState;
    public String requestId;
    public String context;

    /** The audit trail is never a kept read. */
    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
