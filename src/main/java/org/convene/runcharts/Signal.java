package org.convene.runcharts;

/**
 * One rule firing on a chart: the points from {@code first} to {@code last} (indexes into the
 * series, inclusive). Runs signals cover the whole chart and have no direction.
 */
public record Signal(Rule rule, int first, int last, Direction direction) {

    public boolean covers(int index) {
        return index >= first && index <= last;
    }

    public int length() {
        return last - first + 1;
    }
}
