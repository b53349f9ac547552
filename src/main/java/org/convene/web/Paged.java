package org.convene.web;

import java.util.List;

/**
 * One page of results. {@code total} is exact up to {@code totalCap}; beyond it the page says
 * "more than" instead of counting every row of a large directory on every request.
 */
public record Paged<T>(List<T> items, int page, int size, long total, boolean totalCapped) {
    public static final int MAX_SIZE = 100;

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page < pages();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public int firstIndex() {
        return items.isEmpty() ? 0 : (page - 1) * size + 1;
    }

    public int lastIndex() {
        return (page - 1) * size + items.size();
    }
}
