package org.tandem.notification;

import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.Immutable;
import org.tandem.cache.ScopedData;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One event to one webhook, as {@link WebhookSender} left it. Written there with plain SQL; read here. */
@Entity
@Immutable
class WebhookDelivery extends PanacheEntityBase implements ScopedData {

    @Id
    public Long id;
    public Long webhookId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "notification_id")
    public Notification notification;
    @Enumerated(EnumType.STRING)
    public DeliveryState state;
    public int attempts;
    public OffsetDateTime nextAttemptAt;
    public String leaseOwner;
    public OffsetDateTime leaseUntil;
    public OffsetDateTime lastAttemptAt;
    public Integer lastStatus;
    public String lastError;
    public OffsetDateTime deliveredAt;
    public OffsetDateTime createdAt;

    /** Never a kept read. */
    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
