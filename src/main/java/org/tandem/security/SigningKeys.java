package org.tandem.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The built-in identity provider's signing key: generated on the first start and stored in the database,
 * so that it is kept with the data and shared by every instance. Never logged, never served.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private volatile String kid;
    private volatile PrivateKey privateKey;
    private volatile PublicKey publicKey;

    /** The key being generated on the first start, while the rest of the start goes on; null once stored. */
    private CompletableFuture<SigningKey> generating;

    /**
     * First of the start-up observers: loads the stored key or, on the first start, begins generating one in the
     * background (RSA key generation takes a tenth to half a second of CPU), so that it overlaps the other first-start
     * work, hashing the admin's password above all. {@link #awaitKey} stores it before the start is over.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        SigningKey stored = storedKey();
        if (stored == null) {
            generating = CompletableFuture.supplyAsync(SigningKeys::generate, runnable -> {
                Thread thread = new Thread(runnable, "tandem-signing-key");
                thread.setDaemon(true);
                thread.start();
            });
        } else {
            use(stored);
        }
    }

    /** Last of the start-up observers: the service does not start without its key. */
    void awaitKey(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        if (generating != null) {
            store(generating.join());
            generating = null;
        }
    }

    private static SigningKey storedKey() {
        return QuarkusTransaction.requiringNew().call(() -> SigningKey.<SigningKey> findAll().firstResult());
    }

    private synchronized void store(SigningKey generated) {
        try {
            QuarkusTransaction.requiringNew().run(generated::persist);
            LOG.info("Generated the token signing key and stored it with the data");
        } catch (RuntimeException raced) {
            // Another instance stored one first: use theirs.
            LOG.debug("Signing key generated concurrently by another instance", raced);
        }
        use(storedKey());
    }

    private void use(SigningKey stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.privateKey)));
            publicKey = rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored.publicKey)));
            kid = stored.kid;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored signing key cannot be read", e);
        }
    }

    private static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            SigningKey key = new SigningKey();
            // One key per database; the fixed id makes a concurrent second insert fail instead of adding a key.
            key.kid = "tandem-" + UUID.nameUUIDFromBytes(new byte[] { 1 });
            key.privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            key.publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            key.createdAt = OffsetDateTime.now();
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    public String kid() {
        return kid;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }
}
