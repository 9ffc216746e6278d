package org.tandem.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One event as a feature hands it to {@link Notifications#record}: its type, what it is about, who may see it and
 * what a reader needs to act on it. For example, actuals returned to a pair:
 *
 * <pre>
 * notifications.record(Notice.of(NotificationType.DATA_RETURNED, "PairYear", pairing.id + "/" + year)
 *         .pairYear(pairing.id, year)
 *         .toCounties(pairing.countyCodes())
 *         .toRoles(Roles.ASSESSOR)
 *         .with("comment", comment));
 * </pre>
 *
 * Admins see every event; anyone else sees an event when one of its audiences is theirs: {@code role:<role>} for
 * each of their roles, {@code county:<code>} for a county editor's county ({@link #to} takes any other key, e.g. a
 * city reviewer's {@code city:<code>}, once readers have it). Data values must be JSON-writable (strings, numbers,
 * booleans, lists, maps); the data's JSON is at most 8000 characters.
 */
public final class Notice {

    final NotificationType type;
    final String subjectType;
    final String subjectId;
    Long pairingId;
    Integer year;
    final Set<String> audiences = new LinkedHashSet<>();
    final Map<String, Object> data = new LinkedHashMap<>();

    private Notice(NotificationType type, String subjectType, String subjectId) {
        this.type = Objects.requireNonNull(type);
        this.subjectType = Objects.requireNonNull(subjectType);
        this.subjectId = Objects.requireNonNull(subjectId);
    }

    /** An event of {@code type} about the entity {@code subjectType} {@code subjectId} (e.g. Assessment, 42). */
    public static Notice of(NotificationType type, String subjectType, Object subjectId) {
        return new Notice(type, subjectType, String.valueOf(subjectId));
    }

    /** About a pairing's year: readers can filter and link by them. */
    public Notice pairYear(long pairingId, int year) {
        this.pairingId = pairingId;
        this.year = year;
        return this;
    }

    /** Seen by the county editors of these counties (a pairing's two). */
    public Notice toCounties(Collection<String> countyCodes) {
        countyCodes.forEach(code -> audiences.add(Audiences.county(code)));
        return this;
    }

    /** Seen by the city reviewers of these cities. */
    public Notice toCities(Collection<String> cityCodes) {
        cityCodes.forEach(code -> audiences.add(Audiences.city(code)));
        return this;
    }

    /** Seen by every user with one of these roles (admins see everything anyway). */
    public Notice toRoles(String... roles) {
        for (String role : roles) {
            audiences.add(Audiences.role(role));
        }
        return this;
    }

    /** Seen by the users whose audience keys include {@code audience}. */
    public Notice to(String audience) {
        audiences.add(audience);
        return this;
    }

    /** A value for the event's data; null values are left out. */
    public Notice with(String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
        return this;
    }
}
