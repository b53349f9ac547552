package org.convene.network;

/** Small networks for tests: people "0", "1", ... with the given sectors (all "s" when null). */
final class Graphs {
    private Graphs() {
    }

    static Network of(int n, int[][] ties) {
        return of(n, null, ties);
    }

    static Network of(int n, String[] sectors, int[][] ties) {
        Network.Builder b = new Network.Builder();
        for (int v = 0; v < n; v++) {
            b.addPerson(String.valueOf(v), sectors == null ? "s" : sectors[v]);
        }
        for (int[] t : ties) {
            b.addTie(t[0], t[1]);
        }
        return b.build();
    }

    static Network path(int n) {
        int[][] ties = new int[n - 1][];
        for (int i = 0; i + 1 < n; i++) {
            ties[i] = new int[] {i, i + 1};
        }
        return of(n, ties);
    }

    static Network cycle(int n) {
        int[][] ties = new int[n][];
        for (int i = 0; i < n; i++) {
            ties[i] = new int[] {i, (i + 1) % n};
        }
        return of(n, ties);
    }

    /** Person 0 in the centre, tied to each of the others. */
    static Network star(int n) {
        int[][] ties = new int[n - 1][];
        for (int i = 1; i < n; i++) {
            ties[i - 1] = new int[] {0, i};
        }
        return of(n, ties);
    }
}
