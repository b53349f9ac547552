package org.convene.clusters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plain-English reasons for one cluster, at most one sentence of each kind, in this order:
 * interests, roles, sectors, organisations, relationships, clout, place (so at most seven).
 */
final class Reasons {

    private Reasons() {
    }

    /** Reasons for the cluster of pool indices m (in the members' output order). */
    static List<String> of(Pool pool, int[] m) {
        List<String> reasons = new ArrayList<>();
        add(reasons, interests(pool, m));
        add(reasons, roles(pool, m));
        add(reasons, sectors(pool, m));
        add(reasons, organisations(pool, m));
        add(reasons, relationships(pool, m));
        add(reasons, clout(pool, m));
        add(reasons, place(pool, m));
        return List.copyOf(reasons);
    }

    private static void add(List<String> reasons, String reason) {
        if (reason != null) {
            reasons.add(reason);
        }
    }

    /**
     * Everyone with matching interests covers the same topics: "A and B both work on x"; one
     * person only: "A's interests cover 2 of the area's 3 topics: x, y"; otherwise who covers
     * what: "Between them they cover 3 of the area's 3 topics: x (A, B), y (A), z (C)".
     */
    static String interests(Pool pool, int[] m) {
        List<Person> with = new ArrayList<>();
        Map<String, List<String>> byTopic = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i : m) {
            Person p = pool.people[i];
            if (!p.topics().isEmpty()) {
                with.add(p);
            }
            for (String t : p.topics()) {
                byTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(p.name());
            }
        }
        int total = pool.topics.size();
        if (with.isEmpty()) {
            return null;
        }
        if (with.size() == 1) {
            Person p = with.get(0);
            return p.name() + "'s interests cover " + ofTopics(p.topics().size(), total) + ": " + String.join(", ", p.topics());
        }
        if (with.stream().allMatch(p -> p.topics().equals(with.get(0).topics()))) {
            List<String> names = with.stream().map(Person::name).toList();
            return and(names) + (names.size() == 2 ? " both" : " all") + " work on " + and(with.get(0).topics());
        }
        List<String> parts = new ArrayList<>();
        byTopic.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> -e.getValue().size()))
                .forEach(e -> parts.add(e.getKey() + " (" + String.join(", ", e.getValue()) + ")"));
        return "Between them they cover " + ofTopics(byTopic.size(), total) + ": " + String.join(", ", parts);
    }

    /** "2 of the area's 3 topics", "all 3 of the area's topics", "the area's topic". */
    private static String ofTopics(int covered, int total) {
        if (total == 1) {
            return "the area's topic";
        }
        return covered == total ? "all " + total + " of the area's topics" : covered + " of the area's " + total + " topics";
    }

    /** "Ben Okoro's role (Discharge coordinator) matches the area", or "The roles of A (x) and B (y) match the area". */
    static String roles(Pool pool, int[] m) {
        List<String> roles = new ArrayList<>();
        for (int i : m) {
            Person p = pool.people[i];
            if (p.roleText() != null) {
                roles.add(p.name() + " (" + p.roleText() + ")");
            }
        }
        if (roles.isEmpty()) {
            return null;
        }
        if (roles.size() == 1) {
            Person p = Arrays.stream(m).mapToObj(i -> pool.people[i]).filter(x -> x.roleText() != null).findFirst().orElseThrow();
            return p.name() + "'s role (" + p.roleText() + ") matches the area";
        }
        return "The roles of " + and(roles) + " match the area";
    }

    /** "Three sectors: acute care, housing, social care" when they come from two or more. */
    static String sectors(Pool pool, int[] m) {
        Map<String, String> sectors = new TreeMap<>();
        for (int i : m) {
            String s = pool.people[i].candidate().sector();
            if (!Person.norm(s).isEmpty()) {
                sectors.putIfAbsent(Person.norm(s), s.strip());
            }
        }
        if (sectors.size() < 2) {
            return null;
        }
        return capital(number(sectors.size())) + " sectors: " + String.join(", ", sectors.values());
    }

    /** The same organisation for two or more of them, or else "From three organisations" when all are known. */
    static String organisations(Pool pool, int[] m) {
        Map<String, List<String>> byOrganisation = new LinkedHashMap<>();
        int known = 0;
        for (int i : m) {
            String o = pool.people[i].candidate().organisation();
            if (!Person.norm(o).isEmpty()) {
                known++;
                byOrganisation.computeIfAbsent(Person.norm(o), k -> new ArrayList<>()).add(o.strip());
            }
        }
        for (List<String> same : byOrganisation.values()) {
            if (same.size() >= 2) {
                String who = same.size() < m.length ? capital(number(same.size())) + " of them work"
                        : m.length == 2 ? "Both work" : "All " + number(m.length) + " work";
                return who + " for the same organisation (" + same.get(0) + ")";
            }
        }
        return known == m.length ? "From " + number(m.length) + " organisations" : null;
    }

    /**
     * Each connected pair, strongest first, with all its ties' descriptions: "A and B: worked
     * together on a project team; B and C: ...", or that none of them are connected yet.
     */
    static String relationships(Pool pool, int[] m) {
        record Link(int i, int j, double strength) {
        }
        List<Link> links = new ArrayList<>();
        for (int x = 0; x < m.length; x++) {
            for (int y = x + 1; y < m.length; y++) {
                double s = pool.strength[m[x] * pool.n + m[y]];
                if (s > 0) {
                    links.add(new Link(m[x], m[y], s));
                }
            }
        }
        if (links.isEmpty()) {
            return m.length == 2
                    ? pool.people[m[0]].name() + " and " + pool.people[m[1]].name() + " are not connected in the network yet: an introduction comes first"
                    : "None of them are connected in the network yet: an introduction comes first";
        }
        links.sort(Comparator.comparingDouble(l -> -l.strength())); // stable: member order among equals
        List<String> parts = new ArrayList<>();
        for (Link l : links) {
            parts.add(pool.people[l.i()].name() + " and " + pool.people[l.j()].name() + ": "
                    + String.join(", ", descriptions(pool.ties.get(Math.min(l.i(), l.j()) * pool.n + Math.max(l.i(), l.j())))));
        }
        return String.join("; ", parts);
    }

    /** The ties' descriptions, strongest first (then alphabetical), without repeats (the first spelling given) or blanks. */
    private static List<String> descriptions(List<Tie> ties) {
        List<Tie> sorted = new ArrayList<>(ties);
        sorted.sort(Comparator.comparingDouble((Tie t) -> -t.strength()).thenComparing(t -> Person.norm(t.description())));
        Map<String, String> seen = new LinkedHashMap<>();
        for (Tie t : sorted) {
            if (!Person.norm(t.description()).isEmpty()) {
                seen.putIfAbsent(Person.norm(t.description()), t.description().strip());
            }
        }
        return seen.isEmpty() ? List.of("connected in the network") : List.copyOf(seen.values());
    }

    /** Members of seniority 4+ or with 2+ endorsements, highest clout first: "Ben Okoro: seniority 4 of 5, endorsed by 3 peers". */
    static String clout(Pool pool, int[] m) {
        List<Person> notable = new ArrayList<>();
        for (int i : m) {
            Candidate c = pool.people[i].candidate();
            if (c.seniority() >= 4 || c.endorsements() >= 2) {
                notable.add(pool.people[i]);
            }
        }
        if (notable.isEmpty()) {
            return null;
        }
        notable.sort(Comparator.comparingDouble(p -> -p.clout())); // stable: member order among equals
        List<String> parts = new ArrayList<>();
        for (Person p : notable) {
            Candidate c = p.candidate();
            String e = c.endorsements() == 0 ? "" : ", endorsed by " + c.endorsements() + (c.endorsements() == 1 ? " peer" : " peers");
            parts.add(p.name() + ": seniority " + c.seniority() + " of 5" + e);
        }
        return String.join("; ", parts);
    }

    /** "All in Leeds" ("Both in Leeds" for two) when everyone is in the area's place. */
    static String place(Pool pool, int[] m) {
        String place = Person.norm(pool.area.place());
        if (place.isEmpty()) {
            return null;
        }
        for (int i : m) {
            if (!Person.norm(pool.people[i].candidate().place()).equals(place)) {
                return null;
            }
        }
        return (m.length == 2 ? "Both in " : "All in ") + pool.area.place().strip();
    }

    /** "A", "A and B", "A, B and C". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String number(int n) {
        return switch (n) {
            case 2 -> "two";
            case 3 -> "three";
            default -> Integer.toString(n);
        };
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
