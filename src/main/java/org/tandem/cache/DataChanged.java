package org.tandem.cache;

/**
 * Published when data changes: by the audit interceptor once for each transaction that creates, changes or
 * deletes an entity, and by code writing past Hibernate once its writes have committed. {@link DataVersion}
 * moves when the publisher's transaction commits, or at once when there is none.
 */
public record DataChanged() {
}
