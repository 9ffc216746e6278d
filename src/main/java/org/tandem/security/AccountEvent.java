package org.tandem.security;

/**
 * Something that happened to a user account of the built-in provider without going through its entity (a login
 * refused, an account locked, a token renewed), published for the audit log. Observers run at once, in the
 * publisher's transaction if it has one, so the record commits or rolls back with what it records.
 *
 * @param action what happened, such as {@code LOGIN_FAILED}
 * @param userId the account's id; null when no account has the name tried
 * @param before the state before, as JSON, or null
 * @param after the state after, or details, as JSON, or null
 * @param actor who to record as having done it
 */
public record AccountEvent(String action, Long userId, String before, String after, String actor) {

    /** The type of entity the events are about, as the audit log names it. */
    public static final String ENTITY_TYPE = "AppUser";
}
