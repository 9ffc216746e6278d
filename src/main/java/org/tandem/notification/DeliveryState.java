package org.tandem.notification;

/** Where one event's delivery to one webhook stands. */
public enum DeliveryState {
    /** Not tried yet. */
    PENDING,
    /** Acknowledged by the receiver (a 2xx answer). */
    DELIVERED,
    /** Tried and failed; tried again at its next attempt time. */
    FAILED_RETRYING,
    /** Failed as many times as allowed; not tried again. */
    DEAD
}
