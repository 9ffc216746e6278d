package org.tandem.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Hibernate;
import org.hibernate.Interceptor;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.Type;
import org.tandem.cache.DataChanged;
import org.tandem.cache.ScopedData;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Records every create, update and delete of an entity, with its values before and after, as Hibernate writes
 * it: one place for the whole service, so no write can forget its audit. A change of a collection is a change of
 * its owner. Secrets are left out. Each change also publishes {@link DataChanged} with the entity's scopes
 * ({@link ScopedData}),
 * which move once the transaction commits and so keep cached reads fresh.
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
    private static final Set<String> SECRET = Set.of("passwordHash", "privateKey", "secret");

    @Inject
    AuditLog log;
    @Inject
    ObjectMapper json;
    @Inject
    Event<DataChanged> dataChanged;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The key of the current transaction's {@link Unwritten} changes in the registry. */
    private static final Object UNWRITTEN = new Object();

    /**
     * One change of an entity, known before its statement runs. Its values after are taken from the entity once
     * Hibernate has written it ({@link #postFlush}): only then do they include the new version and update time.
     */
    private record Change(String action, Object entity, String type, Object id, String before) {
    }

    /**
     * A transaction's changes not recorded yet, in the order they happened. An update is known from the flush
     * that will write it; a flush Hibernate only prepares (to decide whether a query needs it) and then drops
     * calls {@link #onFlushDirty} all the same, so updates are held until a flush has actually run, and the
     * next flush starts them afresh: one event per written change, never two.
     */
    private static final class Unwritten {
        final List<Change> changes = new ArrayList<>();
        /** The updates among them, by entity (identity). */
        final Map<Object, Change> updates = new IdentityHashMap<>();
        /** Entities created or removed and not yet flushed: their collections are theirs, no update of them. */
        final Set<Object> createdOrRemoved = Collections.newSetFromMap(new IdentityHashMap<>());
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        changing(entity, null, state, names);
        String type = audited(entity);
        Unwritten unwritten = unwritten();
        if (type != null && unwritten == null) {
            log.record("CREATE", type, id, null, write(state, names, false));
        } else if (type != null) {
            unwritten.changes.add(new Change("CREATE", entity, type, id, null));
            unwritten.createdOrRemoved.add(entity);
        }
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] current, Object[] previous, String[] names,
            Type[] types) {
        changing(entity, previous, current, names);
        String type = audited(entity);
        Unwritten unwritten = unwritten();
        if (type != null && unwritten == null) {
            log.record("UPDATE", type, id, write(previous, names, true), write(current, names, false));
        } else if (type != null && !unwritten.createdOrRemoved.contains(entity)) {
            update(unwritten, entity, type, id, previous, names);
        }
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        changing(entity, state, null, names);
        String type = audited(entity);
        if (type == null) {
            return;
        }
        // What is removed is recorded whole: a collection not loaded yet is loaded now, outside any flush.
        for (Object value : state) {
            if (value instanceof PersistentCollection<?> collection && !collection.wasInitialized()) {
                Hibernate.initialize(collection);
            }
        }
        Unwritten unwritten = unwritten();
        if (unwritten == null) {
            log.record("DELETE", type, id, write(state, names, true), null);
        } else {
            unwritten.changes.add(new Change("DELETE", entity, type, id, write(state, names, true)));
            unwritten.createdOrRemoved.add(entity);
        }
    }

    /**
     * Replaced collections become changes of the ones they replaced, so they count as changes of their owner;
     * updates that an earlier flush prepared but did not run are forgotten (this flush finds them again).
     */
    @Override
    public void preFlush(Iterator<Object> entities) {
        Unwritten unwritten = unwritten();
        if (unwritten != null) {
            unwritten.changes.removeIf(change -> change.action().equals("UPDATE"));
            unwritten.updates.clear();
        }
        ReplacedCollections.keepInPlace(Panache.getEntityManager().unwrap(SessionImplementor.class), entities);
    }

    /*
     * A changed collection makes a versioned owner dirty, so that change is recorded by onFlushDirty with the
     * collection's contents before and after. An owner without a version is recorded here; and the data version
     * moves whatever the owner.
     */
    @Override
    public void onCollectionRecreate(Object collection, Object key) {
        collectionChanging(collection);
    }

    @Override
    public void onCollectionRemove(Object collection, Object key) {
        collectionChanging(collection);
    }

    @Override
    public void onCollectionUpdate(Object collection, Object key) {
        collectionChanging(collection);
    }

    private void collectionChanging(Object collection) {
        Object owner = collection instanceof PersistentCollection<?> persistent ? persistent.getOwner() : null;
        // A collection's change is its owner's (any data, when the owner is not known).
        dataChanged.fire(new DataChanged(owner instanceof ScopedData scoped ? scoped.scopes() : null));
        Unwritten unwritten = unwritten();
        String type = owner == null ? null : audited(owner);
        if (unwritten == null || type == null || unwritten.createdOrRemoved.contains(owner)
                || unwritten.updates.containsKey(owner)) {
            return;
        }
        // Nothing else of the owner changed: its values now are its values before, but for the collection.
        EntityPersister persister = persister(owner);
        update(unwritten, owner, type, persister.getIdentifier(owner, (SharedSessionContractImplementor) null),
                persister.getValues(owner), persister.getPropertyNames());
    }

    private void update(Unwritten unwritten, Object entity, String type, Object id, Object[] before, String[] names) {
        if (unwritten.updates.containsKey(entity)) {
            // Already known from this flush, or from one prepared and dropped without telling preFlush.
            return;
        }
        Change change = new Change("UPDATE", entity, type, id, write(before, names, true));
        unwritten.changes.add(change);
        unwritten.updates.put(entity, change);
    }

    /**
     * The flush has run: its changes are recorded, each with the values the entity now has (what was written,
     * new version and update time included), and go to the database with the events recorded before them.
     */
    @Override
    public void postFlush(Iterator<Object> entities) {
        Unwritten unwritten = unwritten();
        if (unwritten != null && !unwritten.changes.isEmpty()) {
            List<Change> changes = List.copyOf(unwritten.changes);
            unwritten.changes.clear();
            unwritten.updates.clear();
            unwritten.createdOrRemoved.clear();
            for (Change change : changes) {
                String after = change.action().equals("DELETE") ? null : after(change.entity());
                if (change.action().equals("UPDATE") && after.equals(change.before())) {
                    continue;
                }
                Object id = change.id() != null ? change.id()
                        : persister(change.entity())
                                .getIdentifier(change.entity(), (SharedSessionContractImplementor) null);
                log.record(change.action(), change.type(), id, change.before(), after);
            }
        }
        log.writePending();
    }

    /** Announces the change of data: of the scopes {@code entity} belongs to, or of any data. */
    private void changing(Object entity, Object[] before, Object[] after, String[] names) {
        dataChanged.fire(new DataChanged(entity instanceof ScopedData scoped ? scoped.scopes() : null));
    }

    /** The type recorded for {@code entity}, or null when its changes are not audited. */
    private static String audited(Object entity) {
        String type = Hibernate.getClass(entity).getSimpleName();
        return UNAUDITED.contains(type) ? null : type;
    }

    /** The current transaction's unwritten changes, or null outside a transaction. */
    private Unwritten unwritten() {
        if (transactions.getTransactionKey() == null) {
            return null;
        }
        Unwritten unwritten = (Unwritten) transactions.getResource(UNWRITTEN);
        if (unwritten == null) {
            unwritten = new Unwritten();
            transactions.putResource(UNWRITTEN, unwritten);
        }
        return unwritten;
    }

    private String after(Object entity) {
        EntityPersister persister = persister(entity);
        return write(persister.getValues(entity), persister.getPropertyNames(), false);
    }

    private static EntityPersister persister(Object entity) {
        return Panache.getEntityManager().getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel().getEntityDescriptor(Hibernate.getClass(entity));
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
                if (value instanceof PersistentCollection<?> collection && !collection.wasInitialized()) {
                    // Not loaded, so not changed: left out rather than loaded in the middle of a flush.
                    continue;
                }
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
        if (value instanceof Map<?, ?> map) {
            return new java.util.TreeMap<>(map);
        }
        if (value instanceof java.util.Collection<?> collection) {
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
