package org.tandem.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * The first start creates the user {@code admin}. Its password comes from {@code tandem.admin.initial-password};
 * without one it is generated and printed once. In the prod profile the test and dev passwords shipped in
 * application.properties are refused: no built-in default secret ever works in production.
 */
@ApplicationScoped
public class InitialAdmin {

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class);
    /** The values application.properties gives the dev and test profiles; never valid in prod. */
    static final Set<String> BUILT_IN_PASSWORDS = Set.of("test-admin-password", "dev-admin-password");

    @ConfigProperty(name = "tandem.admin.initial-password")
    Optional<String> initialPassword;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && initialPassword.filter(BUILT_IN_PASSWORDS::contains).isPresent()) {
            throw new IllegalStateException("tandem.admin.initial-password is a built-in development value;"
                    + " set your own (at least 12 characters) or leave it unset to have one generated");
        }
        try {
            // Start-up runs with a request context but no user: without this the admin's creation was "anonymous".
            Actor.runAsSystem(this::createAdminIfNoUsers);
        } catch (RuntimeException raced) {
            // Another instance on the same database created it first.
            if (QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername("admin")) == null) {
                throw raced;
            }
        }
    }

    private void createAdminIfNoUsers() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (AppUser.count() > 0) {
                return;
            }
            String password = initialPassword.orElseGet(Passwords::generate);
            AppUser admin = new AppUser();
            admin.username = "admin";
            admin.displayName = "Administrator";
            admin.kind = UserKind.PERSON;
            admin.passwordHash = Passwords.hash(password);
            admin.enabled = true;
            admin.roles = Set.of(Roles.ADMIN);
            admin.persist();
            if (initialPassword.isEmpty()) {
                // Printed once, on the console only, so the operator can log in; change it afterwards.
                System.out.println("\n  Tandem created the user 'admin' with the password: " + password
                        + "\n  It is shown only this once.\n");
            } else {
                LOG.info("Created the user 'admin' with the configured initial password");
            }
        });
    }
}
