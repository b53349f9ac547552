package org.convene.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Handle;

/**
 * The demo region's people as compact arrays (id, place, sector, organisation), read once so the
 * activity generators can draw people by place without querying a million rows again. People are
 * referred to by their index here; {@link #id(int)} gives the person id.
 */
final class Population {
    private final long[] ids;
    private final int[] place;
    private final int[] sector;
    private final long[] organisation;
    private final List<Long> placeIds = new ArrayList<>();
    private final List<String> placeNames = new ArrayList<>();
    private final List<String> sectorCodes = new ArrayList<>();
    private final Map<String, String> sectorNames = new HashMap<>();
    private final int[][] byPlace;

    private Population(long[] ids, int[] place, int[] sector, long[] organisation, int places) {
        this.ids = ids;
        this.place = place;
        this.sector = sector;
        this.organisation = organisation;
        int[] counts = new int[places];
        for (int p : place) {
            if (p >= 0) {
                counts[p]++;
            }
        }
        byPlace = new int[places][];
        for (int p = 0; p < places; p++) {
            byPlace[p] = new int[counts[p]];
        }
        int[] filled = new int[places];
        for (int i = 0; i < place.length; i++) {
            if (place[i] >= 0) {
                byPlace[place[i]][filled[place[i]]++] = i;
            }
        }
    }

    /** Reads every person of the directory (in id order), the places and the sectors. */
    static Population load(Handle h) {
        Map<Long, Integer> placeIndex = new HashMap<>();
        List<Long> placeIds = new ArrayList<>();
        List<String> placeNames = new ArrayList<>();
        h.createQuery("SELECT id, name FROM places ORDER BY id").map((rs, ctx) -> {
            placeIndex.put(rs.getLong(1), placeIds.size());
            placeIds.add(rs.getLong(1));
            placeNames.add(rs.getString(2));
            return null;
        }).list();
        Map<String, Integer> sectorIndex = new HashMap<>();
        List<String> sectorCodes = new ArrayList<>();
        Map<String, String> sectorNames = new HashMap<>();
        h.createQuery("SELECT code, name FROM sectors ORDER BY sort_order, code").map((rs, ctx) -> {
            sectorIndex.put(rs.getString(1), sectorCodes.size());
            sectorCodes.add(rs.getString(1));
            sectorNames.put(rs.getString(1), rs.getString(2));
            return null;
        }).list();
        int size = h.createQuery("SELECT count(*) FROM people").mapTo(Integer.class).one();
        long[] ids = new long[size];
        int[] place = new int[size];
        int[] sector = new int[size];
        long[] organisation = new long[size];
        int[] n = {0};
        h.createQuery("SELECT id, place_id, sector_code, coalesce(organisation_id, 0) FROM people ORDER BY id").setFetchSize(20_000)
                .map((rs, ctx) -> {
                    int i = n[0]++;
                    ids[i] = rs.getLong(1);
                    long placeId = rs.getLong(2);
                    place[i] = rs.wasNull() ? -1 : placeIndex.get(placeId);
                    sector[i] = sectorIndex.get(rs.getString(3));
                    organisation[i] = rs.getLong(4);
                    return null;
                }).forEach(x -> { });
        Population population = new Population(ids, place, sector, organisation, placeIds.size());
        population.placeIds.addAll(placeIds);
        population.placeNames.addAll(placeNames);
        population.sectorCodes.addAll(sectorCodes);
        population.sectorNames.putAll(sectorNames);
        return population;
    }

    int size() {
        return ids.length;
    }

    long id(int person) {
        return ids[person];
    }

    /** The index of a person id (ids are read in order, so a binary search finds it). */
    int indexOf(long id) {
        int i = java.util.Arrays.binarySearch(ids, id);
        if (i < 0) {
            throw new IllegalArgumentException("No person " + id + " in the region");
        }
        return i;
    }

    /** The place index of a person, or -1. */
    int place(int person) {
        return place[person];
    }

    int sector(int person) {
        return sector[person];
    }

    String sectorCode(int person) {
        return sectorCodes.get(sector[person]);
    }

    String sectorName(String code) {
        return sectorNames.get(code);
    }

    /** The person's organisation id, or 0 when they have none. */
    long organisation(int person) {
        return organisation[person];
    }

    int places() {
        return placeIds.size();
    }

    long placeId(int place) {
        return placeIds.get(place);
    }

    String placeName(int place) {
        return placeNames.get(place);
    }

    /** The people of a place (indexes), or everyone's indexes when the place is -1 or has nobody. */
    int[] inPlace(int p) {
        if (p < 0 || byPlace[p].length == 0) {
            return null;
        }
        return byPlace[p];
    }

    /** Anyone, uniformly. */
    int any(SplittableRandom random) {
        return random.nextInt(ids.length);
    }

    /** Someone from the place (anyone if the place is -1 or empty). */
    int from(int p, SplittableRandom random) {
        int[] pool = inPlace(p);
        return pool == null ? any(random) : pool[random.nextInt(pool.length)];
    }

    /**
     * Draws people without repeating anyone until everyone has been drawn once (then starts
     * again): a partial Fisher-Yates shuffle, so drawing k people costs k steps however large the pool.
     */
    static final class Draw {
        private final int[] pool;
        private int next;

        Draw(int[] pool) {
            this.pool = pool.clone();
        }

        static Draw everyone(int size) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return new Draw(all);
        }

        int next(SplittableRandom random) {
            if (next == pool.length) {
                next = 0;
            }
            int j = next + random.nextInt(pool.length - next);
            int chosen = pool[j];
            pool[j] = pool[next];
            pool[next++] = chosen;
            return chosen;
        }

        int size() {
            return pool.length;
        }
    }
}
