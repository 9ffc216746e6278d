package org.tandem;

import java.time.OffsetDateTime;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every changeable entity carries: a version for optimistic locking (it is the resource's ETag) and
 * when it was created and last changed.
 */
@MappedSuperclass
public abstract class TrackedEntity extends PanacheEntityBase {

    @Version
    public long version;
    @CreationTimestamp
    public OffsetDateTime createdAt;
    @UpdateTimestamp
    public OffsetDateTime updatedAt;
}
