package org.tandem.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

/** bcrypt hashing of passwords, and random secrets for generated ones. */
public final class Passwords {

    /** bcrypt's cost: 2^12 rounds, about a quarter of a second on the machines we run on. */
    static final int COST = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** bcrypt reads at most 72 bytes; longer passwords (or long Chinese ones) are first hashed with SHA-512. */
    private static final LongPasswordStrategy LONG = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);
    /**
     * Compared against when a user does not exist, so that timing does not tell which usernames do. A fixed hash
     * (of "no such user", cost {@value #COST}): checking against it costs what checking a real one does, without
     * hashing at every start or at the first login (PasswordsTest checks its cost is {@link #COST}).
     */
    static final String DUMMY_HASH = "$2a$12$HPUNoqrcXriepUy1edATxOOnAoiaVFqRG/qRMgxsCyVTghb79lSby";

    private Passwords() {
    }

    public static String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2A, LONG).hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        return BCrypt.verifyer(BCrypt.Version.VERSION_2A, LONG).verify(password.getBytes(StandardCharsets.UTF_8),
                (hash == null ? DUMMY_HASH : hash).getBytes(StandardCharsets.UTF_8)).verified && hash != null;
    }

    public static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
