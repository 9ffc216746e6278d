package org.tandem.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Hibernate;
import org.hibernate.Interceptor;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.type.Type;
import org.tandem.cache.DataVersion;
import org.tandem.cooperation.CooperationTallies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Records every create, update and delete of an entity, with its values before and after, as it happens:
 * one place for the whole service, so no write can forget its audit. Secrets are left out. Every change also
 * moves the {@link DataVersion} once its transaction commits, which is what keeps cached reads fresh, and a
 * change of a cooperation project or activity has its pairing's {@link CooperationTallies} recounted.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class AuditInterceptor implements Interceptor {

    /**
     * Never recorded: the signing key's entity holds a private key; audit events and score breakdowns are
     * records themselves, written once and never changed (an assessment's events name its breakdowns by id).
     */
    private static final Set<String> UNAUDITED = Set.of("SigningKey", "AuditEvent", "ScoreBreakdown");
    /** Never written into an event. */
    private static final Set<String> SECRET = Set.of("passwordHash", "privateKey");

    @Inject
    AuditLog log;
    @Inject
    ObjectMapper json;
    @Inject
    DataVersion dataVersion;
    @Inject
    CooperationTallies tallies;

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        record("CREATE", entity, id, null, state, names);
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] current, Object[] previous, String[] names,
            Type[] types) {
        record("UPDATE", entity, id, previous, current, names);
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        record("DELETE", entity, id, state, null, names);
    }

    /** Replaced collections become changes of the ones they replaced, so they count as changes of their owner. */
    @Override
    public void preFlush(Iterator<Object> entities) {
        List<Object> owners = new ArrayList<>();
        entities.forEachRemaining(entity -> owners.add(entity));
        ReplacedCollections.keepInPlace(
                Panache.getEntityManager().unwrap(SessionImplementor.class), owners);
    }

    /*
     * A changed collection makes its owner dirty, so the owner's change is recorded by onFlushDirty with the
     * collection's contents before and after; here only the data version has to move, whatever the owner.
     */
    @Override
    public void onCollectionRecreate(Object collection, Object key) {
        dataVersion.changedOnCommit();
    }

    @Override
    public void onCollectionRemove(Object collection, Object key) {
        dataVersion.changedOnCommit();
    }

    @Override
    public void onCollectionUpdate(Object collection, Object key) {
        dataVersion.changedOnCommit();
    }

    /** The events of this flush and of the persists and removes before it go to the database together. */
    @Override
    public void postFlush(Iterator<Object> entities) {
        log.writePending();
        tallies.flushed();
    }

    private void record(String action, Object entity, Object id, Object[] before, Object[] after, String[] names) {
        dataVersion.changedOnCommit();
        tallies.changing(entity, before, after, names);
        String type = Hibernate.getClass(entity).getSimpleName();
        if (UNAUDITED.contains(type)) {
            return;
        }
        log.record(action, type, id, write(before, names, true), write(after, names, false));
    }

    /**
     * The values of {@code state} as JSON. A collection Hibernate manages is changed in place, so the
     * contents it had before are its snapshot (taken when it was loaded or last flushed), not what it holds.
     */
    private String write(Object[] state, String[] names, boolean before) {
        if (state == null) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (!SECRET.contains(names[i])) {
                Object value = state[i];
                if (before && value instanceof PersistentCollection<?> collection && collection.wasInitialized()
                        && collection.getStoredSnapshot() != null) {
                    value = contents(collection, collection.getStoredSnapshot());
                }
                values.put(names[i], plain(value));
            }
        }
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            return "{\"unwritable\":true}";
        }
    }

    /** What a collection's snapshot holds, as a collection of the collection's own kind. */
    private static Object contents(PersistentCollection<?> collection, Object snapshot) {
        if (collection instanceof Set<?> && snapshot instanceof Map<?, ?> elements) {
            // A set's snapshot maps each element to itself.
            return new java.util.HashSet<>(elements.keySet());
        }
        return snapshot;
    }

    /** Other entities are written as their identifier, so an event never drags in a graph. */
    private static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof String || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof java.time.temporal.Temporal) {
            return value;
        }
        if (value.getClass().isAnnotationPresent(jakarta.persistence.Entity.class)
                || Hibernate.getClass(value).isAnnotationPresent(jakarta.persistence.Entity.class)) {
            Object id = io.quarkus.hibernate.orm.panache.Panache.getEntityManager().getEntityManagerFactory()
                    .getPersistenceUnitUtil().getIdentifier(value);
            return id;
        }
        // Copied only when already loaded: loading a collection in the middle of a flush is not allowed.
        if (value instanceof Map<?, ?> map) {
            return Hibernate.isInitialized(map) ? new java.util.TreeMap<>(map) : "(not loaded)";
        }
        if (value instanceof java.util.Collection<?> collection) {
            if (!Hibernate.isInitialized(collection)) {
                return "(not loaded)";
            }
            List<Object> elements = new ArrayList<>();
            collection.forEach(element -> elements.add(plain(element)));
            // A set in a stable order, so that the same contents are always written the same way.
            if (collection instanceof Set<?> && elements.stream().allMatch(e -> e instanceof Comparable<?>)) {
                elements.sort(null);
            }
            return elements;
        }
        return value.toString();
    }
}
