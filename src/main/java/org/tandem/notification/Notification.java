package org.tandem.notification;

import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;
import org.tandem.cache.ScopedData;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One recorded event. Written by {@link Notifications} only; read here, never changed. */
@Entity
@Immutable
class Notification extends PanacheEntityBase implements ScopedData {

    @Id
    public Long id;
    public OffsetDateTime occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    public NotificationType type;
    public String subjectType;
    public String subjectId;
    public Long pairingId;
    @Column(name = "calendar_year")
    public Integer year;
    public String actor;
    public String requestId;
    public String data;

    /** Never a kept read. */
    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
