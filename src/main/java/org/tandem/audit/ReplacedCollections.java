package org.tandem.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.Type;

/**
 * Turns a collection that was replaced ({@code user.roles = new HashSet<>(...)}) into a change of the collection
 * it replaced, before Hibernate looks for changes.
 * <p>
 * Hibernate sees a change of a collection's contents: the owner is dirty, its version moves, the interceptor
 * hears of the update. A replaced collection instead is quietly deleted and inserted again: the owner's version
 * stays, nothing is audited, nothing tells the read cache, and two writes with the same {@code If-Match} both
 * win. Putting the new contents into the collection that was loaded makes both ways of writing the same change,
 * for every entity with a collection.
 */
final class ReplacedCollections {

    private ReplacedCollections() {
    }

    /** Before a flush: every managed entity's replaced collections become changes of the loaded ones. */
    static void keepInPlace(SessionImplementor session, Iterator<Object> entities) {
        PersistenceContext context = session.getPersistenceContextInternal();
        // Gathered first: loading a collection below must not disturb the iteration.
        List<Object> owners = new ArrayList<>();
        entities.forEachRemaining(entity -> {
            EntityEntry entry = context.getEntry(entity);
            if (entry != null && entry.getStatus() == Status.MANAGED && entry.getLoadedState() != null
                    && entry.getPersister().hasCollections()) {
                owners.add(entity);
            }
        });
        for (Object entity : owners) {
            EntityEntry entry = context.getEntry(entity);
            EntityPersister persister = entry.getPersister();
            Type[] types = persister.getPropertyTypes();
            for (int i = 0; i < types.length; i++) {
                if (types[i].isCollectionType() && entry.getLoadedState()[i] instanceof PersistentCollection<?> loaded) {
                    Object current = persister.getValue(entity, i);
                    if (current != loaded && !(current instanceof PersistentCollection<?>)) {
                        refill(loaded, current);
                        persister.setValue(entity, i, loaded);
                    }
                }
            }
        }
    }

    /** Gives {@code loaded} the contents of {@code wanted} (null: none), changing it only if they differ. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static void refill(PersistentCollection<?> loaded, Object wanted) {
        if (loaded instanceof Map map) {
            Map<?, ?> target = wanted == null ? Map.of() : (Map<?, ?>) wanted;
            if (!map.equals(target)) {
                map.clear();
                map.putAll(target);
            }
        } else if (loaded instanceof Collection collection) {
            Collection<?> target = wanted == null ? List.of() : (Collection<?>) wanted;
            boolean same = collection instanceof Set<?> set ? set.size() == target.size() && set.containsAll(target)
                    : new ArrayList<>(collection).equals(new ArrayList<>(target));
            if (!same) {
                collection.clear();
                collection.addAll(target);
            }
        }
    }
}
