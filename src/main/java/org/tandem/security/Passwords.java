package org.tandem.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** bcrypt hashing of passwords, and random secrets for generated ones. */
public final class Passwords {

    /** bcrypt's cost: 2^12 rounds, about a quarter of a second on the machines we run on. */
    private static final int COST = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when a user does not exist, so that timing does not tell which usernames do. */
    private static final String DUMMY_HASH = hash("no such user");

    private Passwords() {
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                (hash == null ? DUMMY_HASH : hash).getBytes(StandardCharsets.UTF_8)).verified && hash != null;
    }

    public static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
