package org.convene.impact;

import java.util.List;

/**
 * The rows behind one figure of the dashboard, a page at a time: the same rows the figure counts,
 * so {@code total} always equals the figure. Each cell may link to the page of what it names.
 *
 * @param countedAt when {@code total} was counted, if it comes from the dashboard's kept snapshot
 *     (counting a large list again for every page would take seconds); null when counted with the rows
 */
public record ImpactList(Figure figure, ImpactQuery query, String only, List<String> columns, List<Row> rows, long total,
                         java.time.Instant countedAt, int page, int pageSize) {
    public static final int PAGE_SIZE = 50;

    public record Row(List<Cell> cells) {
    }

    /** A cell's text, and where it links (null for none). */
    public record Cell(String text, String href) {
        static Cell of(String text) {
            return new Cell(text, null);
        }
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** The rows as a page of results, for the shared pagination. */
    public org.convene.web.Paged<Row> paged() {
        return new org.convene.web.Paged<>(rows, page, pageSize, total, false);
    }
}
