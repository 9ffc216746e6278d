package org.tandem.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are sent ({@code tandem.webhooks.*}). */
@ConfigMapping(prefix = "tandem.webhooks")
public interface WebhookConfig {

    /** How often the sender's timer ticks (it reads the database only when there is reason to). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long a connection to a receiver may take to open. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long a receiver may take to answer one delivery. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** The wait after the first failed attempt; it doubles after each further one, up to {@link #maxBackoff()}. */
    @WithDefault("PT10S")
    Duration backoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /** Attempts in all, the first included, before a delivery is DEAD. */
    @WithDefault("10")
    int maxAttempts();

    /**
     * How long a sender holds the deliveries it claimed: past it, another instance (or this one after a restart)
     * may claim them again. Must exceed {@link #requestTimeout()}.
     */
    @WithDefault("PT1M")
    Duration lease();

    /**
     * Whether webhooks may be sent to loopback, private and link-local addresses (a receiver on this machine or its
     * network): off by default, so that an admin's webhook cannot reach the service's own network ({@link Destinations}).
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Deliveries claimed at once. */
    @WithDefault("20")
    int batchSize();

    /**
     * How often the database is looked at for due deliveries when this instance knows of none (recorded by another
     * instance, or left by one that stopped).
     */
    @WithDefault("PT1M")
    Duration sweepInterval();
}
