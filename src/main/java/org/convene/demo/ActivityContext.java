package org.convene.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Handle;

/**
 * What every part of the activity generator shares: the transaction's handle, the region's people,
 * the ties gathered so far, and the clock: "today" is the real date, and the activity is spread
 * over the three years before it.
 */
final class ActivityContext {
    static final Duration DAY = Duration.ofDays(1);

    final Handle h;
    final Population people;
    final TieBatch ties = new TieBatch();
    final List<String> topics;
    final Instant now;
    final LocalDate today;
    final LocalDate firstDay;

    ActivityContext(Handle h, Population people, List<String> topics, Instant now, LocalDate today) {
        this.h = h;
        this.people = people;
        this.topics = topics;
        this.now = now;
        this.today = today;
        this.firstDay = today.minusYears(3);
    }

    /** Days from the first day of the three years to today. */
    long spanDays() {
        return firstDay.until(today, java.time.temporal.ChronoUnit.DAYS);
    }

    /** The start of a local day at a time in UK time. */
    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ActivityDemo.ZONE).toInstant();
    }

    /** The UK date of an instant. */
    static LocalDate date(Instant at) {
        return at.atZone(ActivityDemo.ZONE).toLocalDate();
    }

    /** The same weekday on or after the day. */
    static LocalDate onOrAfter(LocalDate day, DayOfWeek weekday) {
        return day.with(TemporalAdjusters.nextOrSame(weekday));
    }

    /** An instant between {@code from} and {@code to} (uniform), never after now. */
    Instant between(SplittableRandom random, Instant from, Instant to) {
        long a = from.getEpochSecond();
        long b = Math.max(a + 1, to.getEpochSecond());
        Instant at = Instant.ofEpochSecond(a + (long) (random.nextDouble() * (b - a)));
        return at.isAfter(now) ? now.minusSeconds(60) : at;
    }

    static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Ids from a table's sequence, handed out one by one so rows can be copied with known ids. The
     * tables are locked against writes for the whole run, so nobody else takes ids meanwhile;
     * {@link #finish} moves the sequence past the last id used.
     */
    final class Ids {
        private final String sequence;
        private final long first;
        private long used;

        private Ids(String sequence) {
            this.sequence = sequence;
            this.first = h.createQuery("SELECT nextval('" + sequence + "')").mapTo(Long.class).one();
        }

        long next() {
            return first + used++;
        }

        long used() {
            return used;
        }

        private void finish() {
            if (used > 1) {
                h.createQuery("SELECT setval('" + sequence + "', :last)").bind("last", first + used - 1).mapTo(Long.class).one();
            }
        }
    }

    private final java.util.Map<String, Ids> sequences = new java.util.LinkedHashMap<>();

    /** The ids of a table, by its sequence's name. */
    Ids ids(String sequence) {
        return sequences.computeIfAbsent(sequence, Ids::new);
    }

    /** Moves every sequence used past the ids handed out. */
    void finishIds() {
        sequences.values().forEach(Ids::finish);
    }

    /** Rows for one COPY, gathered first (so their ids can refer to each other) and copied together. */
    static final class Rows {
        private final String table;
        private final String copy;
        private final List<Object[]> rows = new java.util.ArrayList<>();

        Rows(String table, String columns) {
            this.table = table;
            this.copy = "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)";
        }

        String table() {
            return table;
        }

        void add(Object... values) {
            rows.add(values);
        }

        int size() {
            return rows.size();
        }

        void copy(Handle h) {
            if (!rows.isEmpty()) {
                org.convene.db.CsvCopy.copy(h, copy, out -> rows.forEach(out::row));
            }
        }
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A standard normal draw. */
    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** A Likert answer: the value rounded into 1 to 5. */
    static int likert(double value) {
        return (int) Math.max(1, Math.min(5, Math.round(value)));
    }
}
