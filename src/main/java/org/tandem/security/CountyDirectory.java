package org.tandem.security;

/**
 * The counties a county editor can be bound to. Kept by the registry, which sits above security: user
 * administration asks through this rather than reading the registry's entities.
 */
public interface CountyDirectory {

    /** Whether {@code code} names a county. */
    boolean exists(String code);

    /** Whether {@code code} names a city above some county. */
    boolean cityExists(String code);
}
