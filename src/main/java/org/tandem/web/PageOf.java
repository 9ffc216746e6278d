package org.tandem.web;

import java.util.List;

/** A page of a list, as every list endpoint returns it. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems) implements Weighed {

    @Override
    public int keptWeight() {
        return items.size();
    }
}
