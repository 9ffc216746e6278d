package org.tandem.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells the other instances sharing a PostgreSQL database that this one committed a change, and hears when
 * they did, over PostgreSQL's LISTEN/NOTIFY on the channel {@value #CHANNEL}. Each instance moves its
 * {@link DataVersion} when it hears another; it hears within milliseconds. While the listening connection is
 * down, {@link #hearing()} is false and the read cache is bypassed; once it is back, the version moves, so
 * nothing read before is served.
 * <p>
 * The embedded H2 database belongs to one process (its file is locked), so there is nobody to tell or hear.
 */
@ApplicationScoped
public class ChangeListener {

    static final String CHANNEL = "tandem_changes";
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DataVersion version;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private final String self = UUID.randomUUID().toString();
    private volatile boolean shared;
    private volatile boolean hearing = true;
    private volatile boolean stopping;
    private Thread listener;
    private ExecutorService teller;

    void start(@Observes StartupEvent event) {
        shared = "postgresql".equals(dbKind);
        if (!shared) {
            return;
        }
        hearing = false;
        teller = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "tandem-change-teller"));
        listener = daemon(this::listen, "tandem-change-listener");
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (listener != null) {
            listener.interrupt();
            teller.shutdown();
        }
    }

    /** Whether changes committed by other instances are being heard (always, when there are none). */
    boolean hearing() {
        return hearing;
    }

    /**
     * Tells the other instances that this one committed a change of these scopes (null: any data), in the
     * background: it never fails a write. The notification's payload is this instance's id, a new line, and the
     * scopes separated by commas, or {@code *} for any data (also when they would not fit in a notification).
     */
    void tell(Set<String> scopes) {
        if (!shared || stopping || teller == null) {
            return;
        }
        teller.execute(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, self + "\n" + payload(scopes));
                notify.execute();
            } catch (SQLException e) {
                LOG.warnf("Could not tell the other instances of a change: %s", e.getMessage());
            }
        });
    }

    private void listen() {
        while (!stopping) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                // Whatever changed while nobody was listening is unknown: let every kept read go.
                version.changedElsewhere(null);
                hearing = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] heard = pg.getNotifications(1000);
                    if (heard != null) {
                        for (PGNotification notification : heard) {
                            String said = notification.getParameter();
                            int end = said.indexOf('\n');
                            if (!said.substring(0, end < 0 ? said.length() : end).equals(self)) {
                                version.changedElsewhere(end < 0 ? null : scopes(said.substring(end + 1)));
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                hearing = false;
                if (!stopping) {
                    LOG.warnf("Not hearing other instances' changes (%s); reads are not cached until it is back",
                            e.getMessage());
                    pause();
                }
            }
        }
        hearing = false;
    }

    /** A notification's payload holds 8,000 bytes; scopes beyond what fits are told as a change of any data. */
    static String payload(Set<String> scopes) {
        if (scopes == null) {
            return "*";
        }
        String joined = String.join(",", scopes);
        return joined.length() > 7_000 ? "*" : joined;
    }

    /** The scopes a payload names, or null for any data. */
    static Set<String> scopes(String payload) {
        return payload.equals("*") ? null : new HashSet<>(Arrays.asList(payload.split(",")));
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
