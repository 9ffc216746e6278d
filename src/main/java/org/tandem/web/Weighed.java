package org.tandem.web;

/**
 * A result that holds many items, so that the read cache ({@code org.tandem.cache.ReadCache}) can bound what it
 * keeps by items rather than by results: a page of 500 weighs 500 times a single resource.
 */
public interface Weighed {

    /** How many items the result holds. */
    int keptWeight();
}
