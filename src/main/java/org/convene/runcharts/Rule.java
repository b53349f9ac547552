package org.convene.runcharts;

/** The run-chart rules of Perla, Provost and Murray (BMJ Qual Saf 2011), each a signal of non-random variation. */
public enum Rule {
    SHIFT("Shift", "6 or more points in a row all above or all below the median"),
    TREND("Trend", "5 or more points in a row all going up or all going down"),
    TOO_FEW_RUNS("Too few runs", "fewer runs than expected by chance: the data cross the median too rarely"),
    TOO_MANY_RUNS("Too many runs", "more runs than expected by chance: the data cross the median too often"),
    ASTRONOMICAL_POINT("Astronomical point", "a value clearly different from the points beside it");

    private final String label;
    private final String meaning;

    Rule(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }
}
