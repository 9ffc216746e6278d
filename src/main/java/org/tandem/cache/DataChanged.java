package org.tandem.cache;

import java.util.Set;

/**
 * Published when data changes: by the audit interceptor for each entity a transaction creates, changes or
 * deletes, and by code writing past Hibernate once its writes have committed. {@link DataVersion} moves the
 * scopes it names when the publisher's transaction commits, or at once when there is none.
 *
 * @param scopes the parts of the data that changed ({@link ScopedData}), or null: any part of it
 */
public record DataChanged(Set<String> scopes) {

    /** A change of any part of the data: every kept read goes. */
    public static DataChanged everything() {
        return new DataChanged(null);
    }
}
