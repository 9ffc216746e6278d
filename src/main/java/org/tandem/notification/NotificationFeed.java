package org.tandem.notification;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.tandem.problem.ProblemException;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Each user's own feed: the events whose audience includes one of the user's keys ({@link Audiences}; admins see
 * all), newest first, each with whether this user has read it. A page costs three statements whatever its size:
 * the page, its count and the read marks of its events.
 */
@ApplicationScoped
class NotificationFeed {

    private static final String VISIBLE = " and exists (select 1 from notification_audience a"
            + " where a.notification_id = n.id and a.audience in (:audiences))";
    private static final String UNREAD = " and not exists (select 1 from notification_read r"
            + " where r.username = :username and r.notification_id = n.id)";
    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    @Inject
    SecurityIdentity identity;
    @Inject
    EntityManager entities;
    @Inject
    ObjectMapper json;

    PageOf<NotificationView> list(boolean unreadOnly, NotificationType type, Long pairing, PageRequest paging) {
        if (paging.sort != null && !paging.sort.isBlank() && !paging.sort.strip().equals("-occurredAt")) {
            throw ProblemException.invalid("sort", "must be -occurredAt (newest first), the only order of a feed");
        }
        Set<String> audiences = Audiences.of(identity);
        String where = where(audiences, unreadOnly, type) + (pairing == null ? "" : " and n.pairing_id = :pairing");
        @SuppressWarnings("unchecked")
        List<Notification> page = bind(entities.createNativeQuery("select n.* from notification n where 1 = 1" + where
                + " order by n.occurred_at desc, n.id desc", Notification.class), audiences, unreadOnly, type, pairing)
                .setFirstResult(paging.page * paging.size).setMaxResults(paging.size).getResultList();
        long total = paging.total(() -> ((Number) bind(entities.createNativeQuery(
                "select count(*) from notification n where 1 = 1" + where), audiences, unreadOnly, type, pairing)
                .getSingleResult()).longValue());
        Set<Long> read = new HashSet<>();
        if (!page.isEmpty() && !unreadOnly) {
            @SuppressWarnings("unchecked")
            List<Number> ids = entities.createNativeQuery("select notification_id from notification_read"
                    + " where username = :username and notification_id in (:ids)")
                    .setParameter("username", username()).setParameter("ids", page.stream().map(n -> n.id).toList())
                    .getResultList();
            ids.forEach(id -> read.add(id.longValue()));
        }
        return new PageOf<>(page.stream().map(n -> view(n, !unreadOnly && read.contains(n.id))).toList(), paging.page,
                paging.size, total);
    }

    long unreadCount() {
        Set<String> audiences = Audiences.of(identity);
        return ((Number) bind(entities.createNativeQuery("select count(*) from notification n where 1 = 1"
                + where(audiences, true, null)), audiences, true, null).getSingleResult()).longValue();
    }

    /** Marks one event of the user's feed read (again, harmlessly); 404 if it is not in the feed. */
    void markRead(long id) {
        Set<String> audiences = Audiences.of(identity);
        String where = where(audiences, false, null) + " and n.id = :id";
        long visible = ((Number) bind(entities.createNativeQuery("select count(*) from notification n where 1 = 1"
                + where), audiences, false, null).setParameter("id", id).getSingleResult()).longValue();
        if (visible == 0) {
            throw ProblemException.notFound("notification", id);
        }
        insertRead(where(audiences, true, null) + " and n.id = :id", audiences, q -> q.setParameter("id", id));
    }

    /** Marks every unread event of the user's feed read; answers how many. */
    long markAllRead() {
        Set<String> audiences = Audiences.of(identity);
        return insertRead(where(audiences, true, null), audiences, q -> q);
    }

    private long insertRead(String where, Set<String> audiences, java.util.function.UnaryOperator<Query> more) {
        Query insert = entities.createNativeQuery("insert into notification_read (username, notification_id, read_at)"
                + " select :username, n.id, :now from notification n where 1 = 1" + where);
        bind(insert, audiences, true, null).setParameter("now", OffsetDateTime.now());
        return more.apply(insert).executeUpdate();
    }

    private static String where(Set<String> audiences, boolean unreadOnly, NotificationType type) {
        return (audiences == null ? "" : VISIBLE) + (unreadOnly ? UNREAD : "")
                + (type == null ? "" : " and n.event_type = :type");
    }

    private Query bind(Query query, Set<String> audiences, boolean unreadOnly, NotificationType type, Long pairing) {
        if (pairing != null) {
            query.setParameter("pairing", pairing);
        }
        return bind(query, audiences, unreadOnly, type);
    }

    private Query bind(Query query, Set<String> audiences, boolean unreadOnly, NotificationType type) {
        if (audiences != null) {
            // No key at all (a user without roles) sees nothing; an impossible key keeps the SQL valid.
            query.setParameter("audiences", audiences.isEmpty() ? List.of("-") : List.copyOf(audiences));
        }
        if (unreadOnly) {
            query.setParameter("username", username());
        }
        if (type != null) {
            query.setParameter("type", type.name());
        }
        return query;
    }

    private String username() {
        return identity.getPrincipal().getName();
    }

    private NotificationView view(Notification n, boolean read) {
        Map<String, Object> data;
        try {
            data = json.readerFor(DATA).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(n.data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification " + n.id + " holds data that is not JSON", e);
        }
        return new NotificationView(n.id, n.type, n.occurredAt, new NotificationView.Subject(n.subjectType, n.subjectId),
                n.pairingId, n.year, n.actor, data, read);
    }
}
