package org.tandem.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;

import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.problem.ProblemException;

/**
 * A receiver of events: the types it wants are POSTed to its URL as JSON signed with its secret. The secret is
 * kept (it signs every delivery) but never shown after the webhook's creation, nor audited.
 */
@Entity
class Webhook extends TrackedEntity implements ScopedData {

    @Id
    @GeneratedValue(generator = "webhook_seq")
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
    public Long id;
    public String url;
    public String secret;
    public String description;
    public boolean active;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_event_type", joinColumns = @JoinColumn(name = "webhook_id"))
    @Column(name = "event_type")
    @Enumerated(EnumType.STRING)
    public Set<NotificationType> eventTypes = EnumSet.noneOf(NotificationType.class);

    /** Sets what the webhook receives and where; only absolute http and https URLs with a host are taken. */
    /**
     * Sets what the webhook receives and where; 400 naming url for anything but an absolute http(s) URL with a host,
     * and, unless {@code allowPrivate}, for a host that is this machine or a literal private address.
     */
    void configure(String url, Set<NotificationType> eventTypes, String description, boolean active,
            boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw ProblemException.invalid("url",
                    "must be an absolute http or https URL with a host, without user info or fragment");
        }
        String refusal = allowPrivate ? null : Destinations.refusalOfHost(uri);
        if (refusal != null) {
            throw ProblemException.invalid("url", refusal + " (tandem.webhooks.allow-private-addresses)");
        }
        this.url = uri.toString();
        this.eventTypes.clear();
        this.eventTypes.addAll(eventTypes);
        this.description = description;
        this.active = active;
    }

    static Webhook require(long id) {
        Webhook webhook = findById(id);
        if (webhook == null) {
            throw ProblemException.notFound("webhook", id);
        }
        return webhook;
    }

    /** No kept read shows a webhook. */
    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
