package org.convene.matching;

/** An unordered pair of participant ids (stored with the smaller id first). */
public record Pair(String a, String b) {
    public Pair {
        if (a.equals(b)) {
            throw new IllegalArgumentException("A pair needs two different people: " + a);
        }
        if (a.compareTo(b) > 0) {
            String t = a;
            a = b;
            b = t;
        }
    }
}
