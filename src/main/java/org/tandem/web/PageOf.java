package org.tandem.web;

import java.util.List;
import java.util.function.LongSupplier;

/** A page of a list, as every list endpoint returns it. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems) implements Weighed {

    /**
     * The page of {@code items} that {@code paging} asked for, read by offset and each row one item, with the list's
     * total ({@link PageRequest#total(int, LongSupplier)}: counted by {@code count} only when the page does not tell
     * it).
     */
    public static <T> PageOf<T> of(List<T> items, PageRequest paging, LongSupplier count) {
        return new PageOf<>(items, paging.page, paging.size, paging.total(items.size(), count));
    }

    @Override
    public int keptWeight() {
        return items.size();
    }
}
