package org.convene.matching;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * The benchmark's exact reference: a frozen copy of the engine's {@code Blossom} (a Java port of
 * Joris van Rantwijk's public-domain mwmatching.py, after Galil 1986), kept in the tests so that the
 * reference does not change when the engine does, and extended to hand out its final dual
 * solution, which {@link ExactReference} checks independently (LP duality) over a possibly larger
 * edge set. Integer arithmetic only (callers pass even weights).
 */
final class ReferenceBlossom {
    private final int nv;
    private final int ne;
    private final int[] eu;
    private final int[] ev;
    private final long[] ew;
    private final int[] endpoint;
    private final int[][] neighbend;
    private final int[] mate;
    private final int[] label;
    private final int[] labelend;
    private final int[] inblossom;
    private final int[] blossomparent;
    private final int[][] blossomchilds;
    private final int[] blossombase;
    private final int[][] blossomendps;
    private final int[] bestedge;
    private final int[][] blossombestedges;
    private final int[] unusedblossoms;
    private int unusedCount;
    private final long[] dualvar;
    private final boolean[] allowedge;
    private int[] queue;
    private final int[] bestEdgeTo;
    private final int[] bestEdgeSet;
    /** Several augmentations per stage (see {@link #solve}); root: tree of a labelled vertex. */
    private boolean multi;
    /** System.nanoTime() after which the solve gives up (0: never). */
    private long deadline;
    private int pops;
    private int stages;
    private long deltaSteps;
    private long touchedSum;
    private final int[] root;
    private final boolean[] dead;
    /**
     * With multi: the vertices labelled or given a best edge in this stage; only they (and the
     * blossoms holding them) can change duals or define the next delta, so the delta step looks
     * at them only instead of at every vertex and blossom. Vertices never touched keep their duals
     * through the stage: byDual (all vertices sorted by dual at the start of the stage) gives the
     * smallest of those.
     */
    private final int[] touched;
    private int touchedCount;
    private final int[] touchStamp;
    private int stamp;
    private long[] byDual;
    private int byDualNext;
    private int queueSize;

    private ReferenceBlossom(int n, int[] eu, int[] ev, long[] ew) {
        this.nv = n;
        this.ne = eu.length;
        this.eu = eu;
        this.ev = ev;
        this.ew = ew;
        long maxweight = 0;
        for (long w : ew) {
            maxweight = Math.max(maxweight, w);
        }
        endpoint = new int[2 * ne];
        int[] deg = new int[n];
        for (int k = 0; k < ne; k++) {
            endpoint[2 * k] = eu[k];
            endpoint[2 * k + 1] = ev[k];
            deg[eu[k]]++;
            deg[ev[k]]++;
        }
        neighbend = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbend[i] = new int[deg[i]];
        }
        Arrays.fill(deg, 0);
        for (int k = 0; k < ne; k++) {
            neighbend[eu[k]][deg[eu[k]]++] = 2 * k + 1;
            neighbend[ev[k]][deg[ev[k]]++] = 2 * k;
        }
        mate = new int[n];
        Arrays.fill(mate, -1);
        label = new int[2 * n];
        labelend = new int[2 * n];
        Arrays.fill(labelend, -1);
        inblossom = new int[n];
        for (int i = 0; i < n; i++) {
            inblossom[i] = i;
        }
        blossomparent = new int[2 * n];
        Arrays.fill(blossomparent, -1);
        blossomchilds = new int[2 * n][];
        blossombase = new int[2 * n];
        Arrays.fill(blossombase, -1);
        for (int i = 0; i < n; i++) {
            blossombase[i] = i;
        }
        blossomendps = new int[2 * n][];
        bestedge = new int[2 * n];
        Arrays.fill(bestedge, -1);
        blossombestedges = new int[2 * n][];
        unusedblossoms = new int[n];
        for (int i = 0; i < n; i++) {
            unusedblossoms[i] = n + i;
        }
        unusedCount = n;
        dualvar = new long[2 * n];
        for (int i = 0; i < n; i++) {
            dualvar[i] = maxweight;
        }
        allowedge = new boolean[ne];
        queue = new int[Math.max(16, n)];
        bestEdgeTo = new int[2 * n];
        Arrays.fill(bestEdgeTo, -1);
        bestEdgeSet = new int[2 * n];
        root = new int[n];
        dead = new boolean[n];
        touched = new int[n];
        touchStamp = new int[n];
    }

    /** mate[v] = the vertex matched to v, or -1. Weights must be even and non-negative. */
    static int[] maxWeightMatching(int n, int[] eu, int[] ev, long[] ew, boolean maxCardinality) {
        int[] result = new int[n];
        Arrays.fill(result, -1);
        if (eu.length == 0) {
            return result;
        }
        ReferenceBlossom b = new ReferenceBlossom(n, eu, ev, ew);
        b.solve(maxCardinality);
        for (int v = 0; v < n; v++) {
            if (b.mate[v] >= 0) {
                result[v] = b.endpoint[b.mate[v]];
            }
        }
        return result;
    }

    /** The matching with the dual solution it ends with; see {@link #solveWithDuals}. */
    record Solution(int[] mate, long[] vertexDual, int[] blossomParent, long[] blossomDual, boolean[] blossomInUse, int stages, long deltaSteps, long touchedSum) {
    }

    /**
     * Maximum-weight matching (not forced to maximum cardinality) with its duals: vertexDual[v]
     * (twice the LP dual of v's degree constraint), and for the blossoms n..2n-1 in use their dual
     * (the LP dual of their odd-set constraint) and their parent blossom (-1 at the top; vertices
     * too have a parent entry). With {@code multiAugment}, a stage does not end at its first
     * augmenting path: the two trees it joined are set aside and the search goes on in the other
     * trees with the same duals, so one stage can augment along many disjoint paths (the duals are
     * only changed in stages that have not augmented yet). Far fewer stages on large graphs; the
     * result is still checked by {@link ExactReference}'s proof.
     */
    /** Thrown when a solve passes its deadline. */
    static final class TimedOut extends RuntimeException {
        TimedOut() {
            super("reference solve timed out", null, false, false);
        }
    }

    static Solution solveWithDuals(int n, int[] eu, int[] ev, long[] ew, boolean multiAugment) {
        return solveWithDuals(n, eu, ev, ew, multiAugment, 0);
    }

    /** As above; throws {@link TimedOut} once System.nanoTime() passes deadline (0: never). */
    static Solution solveWithDuals(int n, int[] eu, int[] ev, long[] ew, boolean multiAugment, long deadline) {
        int[] result = new int[n];
        Arrays.fill(result, -1);
        if (eu.length == 0) {
            long[] u = new long[n];
            return new Solution(result, u, filled(2 * n), new long[2 * n], new boolean[2 * n], 0, 0, 0);
        }
        if (multiAugment && n >= (1 << 24)) {
            throw new IllegalArgumentException("too many vertices");
        }
        ReferenceBlossom b = new ReferenceBlossom(n, eu, ev, ew);
        b.multi = multiAugment;
        b.deadline = deadline;
        b.solve(false);
        for (int v = 0; v < n; v++) {
            if (b.mate[v] >= 0) {
                result[v] = b.endpoint[b.mate[v]];
            }
        }
        boolean[] inUse = new boolean[2 * n];
        for (int x = n; x < 2 * n; x++) {
            inUse[x] = b.blossombase[x] >= 0;
        }
        return new Solution(result, Arrays.copyOf(b.dualvar, n), b.blossomparent.clone(), b.dualvar.clone(), inUse, b.stages, b.deltaSteps, b.touchedSum);
    }

    private static int[] filled(int size) {
        int[] a = new int[size];
        Arrays.fill(a, -1);
        return a;
    }

    private long slack(int k) {
        return dualvar[eu[k]] + dualvar[ev[k]] - 2 * ew[k];
    }

    private void leaves(int b, ArrayList<Integer> out) {
        if (b < nv) {
            out.add(b);
        } else {
            for (int t : blossomchilds[b]) {
                leaves(t, out);
            }
        }
    }

    private int[] leaves(int b) {
        ArrayList<Integer> out = new ArrayList<>();
        leaves(b, out);
        int[] r = new int[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    private void touch(int v) {
        if (touchStamp[v] != stamp) {
            touchStamp[v] = stamp;
            touched[touchedCount++] = v;
        }
    }

    private void push(int v) {
        if (queueSize == queue.length) {
            queue = Arrays.copyOf(queue, queueSize * 2);
        }
        queue[queueSize++] = v;
    }

    private void assignLabel(int w, int t, int p) {
        int b = inblossom[w];
        label[w] = label[b] = t;
        labelend[w] = labelend[b] = p;
        bestedge[w] = bestedge[b] = -1;
        int r = p == -1 ? w : root[endpoint[p]];
        int[] ls = leaves(b);
        for (int v : ls) {
            root[v] = r;
            touch(v);
        }
        if (t == 1) {
            for (int v : ls) {
                push(v);
            }
        } else if (t == 2) {
            int base = blossombase[b];
            assignLabel(endpoint[mate[base]], 1, mate[base] ^ 1);
        }
    }

    private int scanBlossom(int v, int w) {
        ArrayList<Integer> path = new ArrayList<>();
        int base = -1;
        while (v != -1 || w != -1) {
            int b = inblossom[v];
            if ((label[b] & 4) != 0) {
                base = blossombase[b];
                break;
            }
            path.add(b);
            label[b] = 5;
            if (labelend[b] == -1) {
                v = -1;
            } else {
                v = endpoint[labelend[b]];
                b = inblossom[v];
                v = endpoint[labelend[b]];
            }
            if (w != -1) {
                int t = v;
                v = w;
                w = t;
            }
        }
        for (int b : path) {
            label[b] = 1;
        }
        return base;
    }

    private void addBlossom(int base, int k) {
        int v = eu[k];
        int w = ev[k];
        int bb = inblossom[base];
        int bv = inblossom[v];
        int bw = inblossom[w];
        int b = unusedblossoms[--unusedCount];
        blossombase[b] = base;
        blossomparent[b] = -1;
        blossomparent[bb] = b;
        ArrayList<Integer> path = new ArrayList<>();
        ArrayList<Integer> endps = new ArrayList<>();
        while (bv != bb) {
            blossomparent[bv] = b;
            path.add(bv);
            endps.add(labelend[bv]);
            v = endpoint[labelend[bv]];
            bv = inblossom[v];
        }
        path.add(bb);
        java.util.Collections.reverse(path);
        java.util.Collections.reverse(endps);
        endps.add(2 * k);
        while (bw != bb) {
            blossomparent[bw] = b;
            path.add(bw);
            endps.add(labelend[bw] ^ 1);
            w = endpoint[labelend[bw]];
            bw = inblossom[w];
        }
        blossomchilds[b] = path.stream().mapToInt(Integer::intValue).toArray();
        blossomendps[b] = endps.stream().mapToInt(Integer::intValue).toArray();
        label[b] = 1;
        labelend[b] = labelend[bb];
        dualvar[b] = 0;
        for (int leaf : leaves(b)) {
            if (label[inblossom[leaf]] == 2) {
                push(leaf);
            }
            inblossom[leaf] = b;
        }
        // bestedgeto: a reused array (all -1 between calls) and the list of entries set, instead
        // of a fresh array of 2n per blossom, which made blossom-rich stages O(n) per blossom
        int[] bestedgeto = bestEdgeTo;
        int setCount = 0;
        for (int sub : blossomchilds[b]) {
            int[][] nblists;
            if (blossombestedges[sub] == null) {
                int[] ls = leaves(sub);
                nblists = new int[ls.length][];
                for (int x = 0; x < ls.length; x++) {
                    int[] nb = neighbend[ls[x]];
                    int[] edges = new int[nb.length];
                    for (int y = 0; y < nb.length; y++) {
                        edges[y] = nb[y] / 2;
                    }
                    nblists[x] = edges;
                }
            } else {
                nblists = new int[][] {blossombestedges[sub]};
            }
            for (int[] nblist : nblists) {
                for (int kk : nblist) {
                    int i = eu[kk];
                    int j = ev[kk];
                    if (inblossom[j] == b) {
                        int t = i;
                        i = j;
                        j = t;
                    }
                    int bj = inblossom[j];
                    if (bj != b && label[bj] == 1 && (bestedgeto[bj] == -1 || slack(kk) < slack(bestedgeto[bj]))) {
                        if (bestedgeto[bj] == -1) {
                            bestEdgeSet[setCount++] = bj;
                        }
                        bestedgeto[bj] = kk;
                    }
                }
            }
            blossombestedges[sub] = null;
            bestedge[sub] = -1;
        }
        Arrays.sort(bestEdgeSet, 0, setCount);   // the order the full scan of 0..2n-1 gave
        int[] list = new int[setCount];
        for (int x = 0; x < setCount; x++) {
            list[x] = bestedgeto[bestEdgeSet[x]];
            bestedgeto[bestEdgeSet[x]] = -1;
        }
        blossombestedges[b] = list;
        bestedge[b] = -1;
        for (int kk : blossombestedges[b]) {
            if (bestedge[b] == -1 || slack(kk) < slack(bestedge[b])) {
                bestedge[b] = kk;
            }
        }
    }

    private static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        throw new IllegalStateException("not a child");
    }

    private static int at(int[] a, int j) {
        return a[Math.floorMod(j, a.length)];
    }

    private void expandBlossom(int b, boolean endstage) {
        for (int s : blossomchilds[b]) {
            blossomparent[s] = -1;
            if (s < nv) {
                inblossom[s] = s;
            } else if (endstage && dualvar[s] == 0) {
                expandBlossom(s, endstage);
            } else {
                for (int v : leaves(s)) {
                    inblossom[v] = s;
                }
            }
        }
        if (!endstage && label[b] == 2) {
            int[] childs = blossomchilds[b];
            int[] endps = blossomendps[b];
            int entrychild = inblossom[endpoint[labelend[b] ^ 1]];
            int j = indexOf(childs, entrychild);
            int jstep;
            int endptrick;
            if ((j & 1) != 0) {
                j -= childs.length;
                jstep = 1;
                endptrick = 0;
            } else {
                jstep = -1;
                endptrick = 1;
            }
            int p = labelend[b];
            while (j != 0) {
                label[endpoint[p ^ 1]] = 0;
                label[endpoint[at(endps, j - endptrick) ^ endptrick ^ 1]] = 0;
                assignLabel(endpoint[p ^ 1], 2, p);
                allowedge[at(endps, j - endptrick) / 2] = true;
                j += jstep;
                p = at(endps, j - endptrick) ^ endptrick;
                allowedge[p / 2] = true;
                j += jstep;
            }
            int bv = at(childs, j);
            label[endpoint[p ^ 1]] = label[bv] = 2;
            labelend[endpoint[p ^ 1]] = labelend[bv] = p;
            bestedge[bv] = -1;
            j += jstep;
            while (at(childs, j) != entrychild) {
                bv = at(childs, j);
                if (label[bv] == 1) {
                    j += jstep;
                    continue;
                }
                int found = -1;
                for (int v : leaves(bv)) {
                    if (label[v] != 0) {
                        found = v;
                        break;
                    }
                }
                if (found >= 0) {
                    label[found] = 0;
                    label[endpoint[mate[blossombase[bv]]]] = 0;
                    assignLabel(found, 2, labelend[found]);
                }
                j += jstep;
            }
        }
        label[b] = labelend[b] = -1;
        blossomchilds[b] = blossomendps[b] = null;
        blossombase[b] = -1;
        blossombestedges[b] = null;
        bestedge[b] = -1;
        unusedblossoms[unusedCount++] = b;
    }

    private void augmentBlossom(int b, int v) {
        int t = v;
        while (blossomparent[t] != b) {
            t = blossomparent[t];
        }
        if (t >= nv) {
            augmentBlossom(t, v);
        }
        int[] childs = blossomchilds[b];
        int[] endps = blossomendps[b];
        int i = indexOf(childs, t);
        int j = i;
        int jstep;
        int endptrick;
        if ((i & 1) != 0) {
            j -= childs.length;
            jstep = 1;
            endptrick = 0;
        } else {
            jstep = -1;
            endptrick = 1;
        }
        while (j != 0) {
            j += jstep;
            t = at(childs, j);
            int p = at(endps, j - endptrick) ^ endptrick;
            if (t >= nv) {
                augmentBlossom(t, endpoint[p]);
            }
            j += jstep;
            t = at(childs, j);
            if (t >= nv) {
                augmentBlossom(t, endpoint[p ^ 1]);
            }
            mate[endpoint[p]] = p ^ 1;
            mate[endpoint[p ^ 1]] = p;
        }
        int len = childs.length;
        int[] rc = new int[len];
        int[] re = new int[len];
        for (int x = 0; x < len; x++) {
            rc[x] = childs[(i + x) % len];
            re[x] = endps[(i + x) % len];
        }
        blossomchilds[b] = rc;
        blossomendps[b] = re;
        blossombase[b] = blossombase[rc[0]];
    }

    private void augmentMatching(int k) {
        int[][] starts = {{eu[k], 2 * k + 1}, {ev[k], 2 * k}};
        for (int[] sp : starts) {
            int s = sp[0];
            int p = sp[1];
            while (true) {
                int bs = inblossom[s];
                if (bs >= nv) {
                    augmentBlossom(bs, s);
                }
                mate[s] = p;
                if (labelend[bs] == -1) {
                    break;
                }
                int t = endpoint[labelend[bs]];
                int bt = inblossom[t];
                s = endpoint[labelend[bt]];
                int j = endpoint[labelend[bt] ^ 1];
                if (bt >= nv) {
                    augmentBlossom(bt, j);
                }
                mate[j] = labelend[bt];
                p = labelend[bt] ^ 1;
            }
        }
    }

    /** The delta step of {@link #solve} over the touched vertices only; returns type, delta, edge, blossom. */
    private long[] incrementalDelta(boolean maxcardinality) {
        int deltatype = -1;
        long delta = 0;
        int deltaedge = -1;
        int deltablossom = -1;
        if (!maxcardinality) {
            deltatype = 1;
            delta = minVertexDual();
        }
        for (int x = 0; x < touchedCount; x++) {
            int v = touched[x];
            if (label[inblossom[v]] == 0 && bestedge[v] != -1) {
                long d = slack(bestedge[v]);
                if (deltatype == -1 || d < delta) {
                    delta = d;
                    deltatype = 2;
                    deltaedge = bestedge[v];
                }
            }
        }
        for (int x = 0; x < touchedCount; x++) {
            int v = touched[x];
            int b = inblossom[v];
            if (blossombase[b] != v) {
                continue;   // each top-level blossom once, through its base
            }
            if (label[b] == 1 && bestedge[b] != -1) {
                long d = slack(bestedge[b]) / 2;
                if (deltatype == -1 || d < delta) {
                    delta = d;
                    deltatype = 3;
                    deltaedge = bestedge[b];
                }
            }
        }
        for (int x = 0; x < touchedCount; x++) {
            int v = touched[x];
            int b = inblossom[v];
            if (b >= nv && blossombase[b] == v && label[b] == 2 && (deltatype == -1 || dualvar[b] < delta)) {
                delta = dualvar[b];
                deltatype = 4;
                deltablossom = b;
            }
        }
        if (deltatype == -1) {
            deltatype = 1;
            delta = Math.max(0, minVertexDual());
        }
        for (int x = 0; x < touchedCount; x++) {
            int v = touched[x];
            int l = label[inblossom[v]];
            if (l == 1) {
                dualvar[v] -= delta;
            } else if (l == 2) {
                dualvar[v] += delta;
            }
        }
        for (int x = 0; x < touchedCount; x++) {
            int v = touched[x];
            int b = inblossom[v];
            if (b >= nv && blossombase[b] == v) {
                if (label[b] == 1) {
                    dualvar[b] += delta;
                } else if (label[b] == 2) {
                    dualvar[b] -= delta;
                }
            }
        }
        return new long[] {deltatype, delta, deltaedge, deltablossom};
    }

    /** The smallest vertex dual: over the touched vertices, and the untouched ones by byDual. */
    private long minVertexDual() {
        long min = Long.MAX_VALUE;
        for (int x = 0; x < touchedCount; x++) {
            min = Math.min(min, dualvar[touched[x]]);
        }
        while (byDualNext < nv && touchStamp[(int) (byDual[byDualNext] & 0xFFFFFF)] == stamp) {
            byDualNext++;
        }
        if (byDualNext < nv) {
            min = Math.min(min, dualvar[(int) (byDual[byDualNext] & 0xFFFFFF)]);
        }
        return min;
    }

    private void solve(boolean maxcardinality) {
        for (int stage = 0; stage < nv; stage++) {
            stages++;
            Arrays.fill(label, 0);
            Arrays.fill(bestedge, -1);
            for (int b = nv; b < 2 * nv; b++) {
                blossombestedges[b] = null;
            }
            Arrays.fill(allowedge, false);
            Arrays.fill(dead, false);
            stamp++;
            touchedCount = 0;
            if (multi) {
                // (dual, vertex) packed in a long: duals are >= 0 without maxcardinality, n < 2^24
                if (byDual == null) {
                    byDual = new long[nv];
                }
                for (int v = 0; v < nv; v++) {
                    if (dualvar[v] < 0 || dualvar[v] >= (1L << 38)) {
                        throw new IllegalStateException("dual out of range for the packed sort");
                    }
                    byDual[v] = (dualvar[v] << 24) | v;
                }
                Arrays.sort(byDual);
                byDualNext = 0;
            }
            queueSize = 0;
            for (int v = 0; v < nv; v++) {
                if (mate[v] == -1 && label[inblossom[v]] == 0) {
                    assignLabel(v, 1, -1);
                }
            }
            boolean augmented = false;
            while (true) {
                while (queueSize > 0 && !(augmented && !multi)) {
                    int v = queue[--queueSize];
                    if (deadline != 0 && (++pops & 1023) == 0 && System.nanoTime() > deadline) {
                        throw new TimedOut();
                    }
                    if (multi && dead[root[v]]) {
                        continue;
                    }
                    for (int p : neighbend[v]) {
                        int k = p / 2;
                        int w = endpoint[p];
                        if (inblossom[v] == inblossom[w]) {
                            continue;
                        }
                        if (multi && label[inblossom[w]] != 0 && dead[root[w]]) {
                            continue;
                        }
                        long kslack = 0;
                        if (!allowedge[k]) {
                            kslack = slack(k);
                            if (kslack <= 0) {
                                allowedge[k] = true;
                            }
                        }
                        if (allowedge[k]) {
                            if (label[inblossom[w]] == 0) {
                                assignLabel(w, 2, p ^ 1);
                            } else if (label[inblossom[w]] == 1) {
                                int base = scanBlossom(v, w);
                                if (base >= 0) {
                                    addBlossom(base, k);
                                } else {
                                    if (multi) {
                                        dead[root[v]] = true;
                                        dead[root[w]] = true;
                                    }
                                    augmentMatching(k);
                                    augmented = true;
                                    break;
                                }
                            } else if (label[w] == 0) {
                                label[w] = 2;
                                labelend[w] = p ^ 1;
                            }
                        } else if (label[inblossom[w]] == 1) {
                            int b = inblossom[v];
                            if (bestedge[b] == -1 || kslack < slack(bestedge[b])) {
                                bestedge[b] = k;
                            }
                        } else if (label[w] == 0) {
                            if (bestedge[w] == -1 || kslack < slack(bestedge[w])) {
                                touch(w);
                                bestedge[w] = k;
                            }
                        }
                    }
                }
                if (augmented) {
                    break;
                }
                int deltatype = -1;
                long delta = 0;
                int deltaedge = -1;
                int deltablossom = -1;
                if (multi) {
                    deltaSteps++;
                    touchedSum += touchedCount;
                    long[] found = incrementalDelta(maxcardinality);
                    deltatype = (int) found[0];
                    delta = found[1];
                    deltaedge = (int) found[2];
                    deltablossom = (int) found[3];
                } else {
                    if (!maxcardinality) {
                        deltatype = 1;
                        delta = Long.MAX_VALUE;
                        for (int v = 0; v < nv; v++) {
                            delta = Math.min(delta, dualvar[v]);
                        }
                    }
                    for (int v = 0; v < nv; v++) {
                        if (label[inblossom[v]] == 0 && bestedge[v] != -1) {
                            long d = slack(bestedge[v]);
                            if (deltatype == -1 || d < delta) {
                                delta = d;
                                deltatype = 2;
                                deltaedge = bestedge[v];
                            }
                        }
                    }
                    for (int b = 0; b < 2 * nv; b++) {
                        if (blossomparent[b] == -1 && label[b] == 1 && bestedge[b] != -1) {
                            long d = slack(bestedge[b]) / 2;
                            if (deltatype == -1 || d < delta) {
                                delta = d;
                                deltatype = 3;
                                deltaedge = bestedge[b];
                            }
                        }
                    }
                    for (int b = nv; b < 2 * nv; b++) {
                        if (blossombase[b] >= 0 && blossomparent[b] == -1 && label[b] == 2
                                && (deltatype == -1 || dualvar[b] < delta)) {
                            delta = dualvar[b];
                            deltatype = 4;
                            deltablossom = b;
                        }
                    }
                    if (deltatype == -1) {
                        deltatype = 1;
                        long min = Long.MAX_VALUE;
                        for (int v = 0; v < nv; v++) {
                            min = Math.min(min, dualvar[v]);
                        }
                        delta = Math.max(0, min);
                    }
                    for (int v = 0; v < nv; v++) {
                        if (label[inblossom[v]] == 1) {
                            dualvar[v] -= delta;
                        } else if (label[inblossom[v]] == 2) {
                            dualvar[v] += delta;
                        }
                    }
                    for (int b = nv; b < 2 * nv; b++) {
                        if (blossombase[b] >= 0 && blossomparent[b] == -1) {
                            if (label[b] == 1) {
                                dualvar[b] += delta;
                            } else if (label[b] == 2) {
                                dualvar[b] -= delta;
                            }
                        }
                    }
                }
                if (deltatype == 1) {
                    break;
                } else if (deltatype == 2) {
                    allowedge[deltaedge] = true;
                    int i = eu[deltaedge];
                    int j = ev[deltaedge];
                    if (label[inblossom[i]] == 0) {
                        i = j;
                    }
                    push(i);
                } else if (deltatype == 3) {
                    allowedge[deltaedge] = true;
                    push(eu[deltaedge]);
                } else {
                    expandBlossom(deltablossom, false);
                }
            }
            if (!augmented) {
                break;
            }
            for (int b = nv; b < 2 * nv; b++) {
                if (blossomparent[b] == -1 && blossombase[b] >= 0 && label[b] == 1 && dualvar[b] == 0) {
                    expandBlossom(b, true);
                }
            }
        }
    }
}
