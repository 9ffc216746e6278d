package org.tandem.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fixed hash compared against for unknown users costs what a real one does. */
class PasswordsTest {

    @Test
    void theDummyHashHasTheCostOfRealOnesAndLetsNobodyIn() {
        // $2a$12$...: version 2a, cost 12, as Passwords.hash writes them.
        assertEquals("$2a$" + Passwords.COST + "$", Passwords.DUMMY_HASH.substring(0, 7));
        assertEquals(Passwords.hash("x").substring(0, 7), Passwords.DUMMY_HASH.substring(0, 7));
        assertEquals(60, Passwords.DUMMY_HASH.length());
        // A well-formed hash: checking against it does the full work (a malformed one would fail fast).
        assertTrue(Passwords.matches("no such user", Passwords.DUMMY_HASH));
        assertFalse(Passwords.matches("no such user", null));
    }
}
