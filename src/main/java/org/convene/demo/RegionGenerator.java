package org.convene.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A synthetic health-and-care region, the same for the same seed and size: places, organisations
 * across the sectors, people with professions and interests, and the ties between them. Pure Java,
 * streaming people and ties one at a time, so a million people need little memory.
 */
public final class RegionGenerator {
    public record DemoOrganisation(int index, String name, String sectorCode, int place) {
    }

    public record DemoPerson(int index, String fullName, String email, String jobTitle, String profession, int organisation,
                             String sectorCode, int place, List<String> interests, String offers, String asks, String bio,
                             String contactPreference, String visibility, String emailVisibility) {
    }

    public record DemoTie(int personA, int personB, String kind, String note, LocalDate startedOn) {
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    /** The demo's usual number of ties a person starts, on average (each draws 0 to 5). */
    public static final double TIES_PER_PERSON = 2.5;
    /** The most ties a person may start on average. */
    public static final double MAX_TIES_PER_PERSON = 10;
    private final long seed;
    private final int peopleCount;
    private final int maxTiesEach;
    private final double extraTieChance;
    private final List<String> topics;
    private final List<DemoOrganisation> organisations = new ArrayList<>();
    private final byte[] personSector;
    private final int[] personOrganisation;
    private final byte[] personPlace;
    private int[][] membersOfOrganisation;
    private int[][] peopleInPlace;

    public RegionGenerator(long seed, int peopleCount, List<String> topics) {
        this(seed, peopleCount, topics, TIES_PER_PERSON);
    }

    /**
     * A region whose people each start {@code tiesPerPerson} ties on average: each draws 0 to
     * twice that many (rounded down), plus one more by chance for what the rounding left.
     * {@link #TIES_PER_PERSON} gives the region the shorter constructor gives, tie for tie.
     */
    public RegionGenerator(long seed, int peopleCount, List<String> topics, double tiesPerPerson) {
        if (peopleCount < 1) {
            throw new IllegalArgumentException("The demo region needs at least 1 person");
        }
        if (!(tiesPerPerson >= 0.5 && tiesPerPerson <= MAX_TIES_PER_PERSON)) {
            throw new IllegalArgumentException("--ties-per-person must be from 0.5 to " + (int) MAX_TIES_PER_PERSON);
        }
        this.seed = seed;
        this.peopleCount = peopleCount;
        this.maxTiesEach = (int) Math.floor(2 * tiesPerPerson);
        this.extraTieChance = tiesPerPerson - maxTiesEach / 2.0;
        this.topics = List.copyOf(topics);
        this.personSector = new byte[peopleCount];
        this.personOrganisation = new int[peopleCount];
        this.personPlace = new byte[peopleCount];
        SplittableRandom random = new SplittableRandom(seed);
        makeOrganisations(random);
        placePeople(random);
    }

    public List<String> places() {
        return Vocabulary.PLACES;
    }

    public List<DemoOrganisation> organisations() {
        return organisations;
    }

    public int peopleCount() {
        return peopleCount;
    }

    /** About one organisation per 13 people, at least 20 and at most 20,000. */
    static int organisationCount(int people) {
        return Math.max(20, Math.min(20_000, people / 13));
    }

    private void makeOrganisations(SplittableRandom random) {
        int target = organisationCount(peopleCount);
        Set<String> names = new LinkedHashSet<>();
        List<Vocabulary.SectorProfile> withOrgs = Vocabulary.SECTORS.stream().filter(s -> !s.orgPatterns().isEmpty()).toList();
        int totalWeight = withOrgs.stream().mapToInt(Vocabulary.SectorProfile::perMille).sum();
        // Every sector gets at least one organisation in every place it can, then the rest by weight.
        for (Vocabulary.SectorProfile sector : withOrgs) {
            int share = Math.max(1, target * sector.perMille() / totalWeight);
            for (int i = 0; i < share; i++) {
                int place = i < Vocabulary.PLACES.size() ? i : random.nextInt(Vocabulary.PLACES.size());
                String pattern = sector.orgPatterns().get(random.nextInt(sector.orgPatterns().size()));
                String name = pattern.replace("{place}", Vocabulary.PLACES.get(place))
                        .replace("{street}", Vocabulary.STREETS.get(random.nextInt(Vocabulary.STREETS.size())));
                String unique = name;
                for (int n = 2; !names.add(unique); n++) {
                    unique = name + " " + roman(n);
                }
                organisations.add(new DemoOrganisation(organisations.size(), unique, sector.code(), place));
            }
        }
    }

    private void placePeople(SplittableRandom random) {
        List<List<Integer>> orgsBySector = new ArrayList<>();
        for (Vocabulary.SectorProfile s : Vocabulary.SECTORS) {
            List<Integer> ids = new ArrayList<>();
            for (DemoOrganisation o : organisations) {
                if (o.sectorCode().equals(s.code())) {
                    ids.add(o.index());
                }
            }
            orgsBySector.add(ids);
        }
        int[] memberCounts = new int[organisations.size()];
        int[] placeCounts = new int[Vocabulary.PLACES.size()];
        for (int i = 0; i < peopleCount; i++) {
            int sector = pickSector(random.nextInt(1000));
            personSector[i] = (byte) sector;
            List<Integer> candidates = orgsBySector.get(sector);
            if (candidates.isEmpty()) {
                personOrganisation[i] = -1;
                personPlace[i] = (byte) random.nextInt(Vocabulary.PLACES.size());
            } else {
                // Skewed, so some organisations (the big hospitals) are much larger than others.
                int org = candidates.get((int) (Math.pow(random.nextDouble(), 1.7) * candidates.size()));
                personOrganisation[i] = org;
                memberCounts[org]++;
                personPlace[i] = (byte) (random.nextInt(10) < 8 ? organisations.get(org).place()
                        : random.nextInt(Vocabulary.PLACES.size()));
            }
            placeCounts[personPlace[i]]++;
        }
        membersOfOrganisation = new int[organisations.size()][];
        for (int o = 0; o < organisations.size(); o++) {
            membersOfOrganisation[o] = new int[memberCounts[o]];
        }
        peopleInPlace = new int[Vocabulary.PLACES.size()][];
        for (int p = 0; p < placeCounts.length; p++) {
            peopleInPlace[p] = new int[placeCounts[p]];
        }
        int[] orgFill = new int[organisations.size()];
        int[] placeFill = new int[placeCounts.length];
        for (int i = 0; i < peopleCount; i++) {
            if (personOrganisation[i] >= 0) {
                membersOfOrganisation[personOrganisation[i]][orgFill[personOrganisation[i]]++] = i;
            }
            peopleInPlace[personPlace[i]][placeFill[personPlace[i]]++] = i;
        }
    }

    private static int pickSector(int perMille) {
        int acc = 0;
        for (int s = 0; s < Vocabulary.SECTORS.size(); s++) {
            acc += Vocabulary.SECTORS.get(s).perMille();
            if (perMille < acc) {
                return s;
            }
        }
        return Vocabulary.SECTORS.size() - 1;
    }

    /** Streams every person in index order; each person's details come from their own random stream. */
    public void forEachPerson(Consumer<DemoPerson> sink) {
        for (int i = 0; i < peopleCount; i++) {
            sink.accept(person(i));
        }
    }

    public DemoPerson person(int i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        Vocabulary.SectorProfile sector = Vocabulary.SECTORS.get(personSector[i]);
        String first = Vocabulary.FIRST_NAMES.get(r.nextInt(Vocabulary.FIRST_NAMES.size()));
        String last = Vocabulary.LAST_NAMES.get(r.nextInt(Vocabulary.LAST_NAMES.size()));
        String[] profession = sector.professions().get(r.nextInt(sector.professions().size())).split(":");
        String place = Vocabulary.PLACES.get(personPlace[i]);
        Set<String> interests = new LinkedHashSet<>();
        int wanted = 2 + r.nextInt(4);
        while (interests.size() < wanted) {
            interests.add(r.nextInt(10) < 6
                    ? sector.favouriteTopics().get(r.nextInt(sector.favouriteTopics().size()))
                    : topics.get(r.nextInt(topics.size())));
        }
        List<String> interestList = List.copyOf(interests);
        String where = personOrganisation[i] >= 0 ? organisations.get(personOrganisation[i]).name() : place;
        String email = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "." + (i + 1)
                + "@" + (personOrganisation[i] >= 0 ? "org" + (personOrganisation[i] + 1) : "people") + ".demo.convene.example";
        String offers = String.format(Vocabulary.OFFER_TEMPLATES.get("offer"), interestList.get(0), place);
        String asks = String.format(Vocabulary.OFFER_TEMPLATES.get("ask"), sector.code().replace('_', ' '), interestList.get(interestList.size() - 1));
        String bio = String.format(Vocabulary.OFFER_TEMPLATES.get("bio"), where, String.join(" and ", interestList.subList(0, Math.min(2, interestList.size()))));
        String contact = r.nextInt(10) < 8 ? "email" : List.of("phone", "video call", "in person").get(r.nextInt(3));
        boolean listed = r.nextInt(100) < 92;
        // About one listed person in ten shows their entry to their communities only (chosen by index,
        // so the random sequence, and with it the rest of the region, is what it always was).
        String visibility = !listed ? "nobody" : (i % 10 == 7 ? "communities" : "everyone");
        String emailVisibility = contact.equals("email") ? visibility : "nobody";
        return new DemoPerson(i, first + " " + last, email, profession[1], profession[0], personOrganisation[i],
                sector.code(), personPlace[i], interestList, offers, asks, bio, contact, visibility, emailVisibility);
    }

    /**
     * Streams the ties, each pair once, ordered by pair: about the asked number per person (2.5
     * unless told), half with colleagues, a third with others in the same place, the rest anywhere
     * in the region. A pair drawn twice is one tie, so slightly fewer come out than were drawn.
     */
    public void forEachTie(Consumer<DemoTie> sink) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        // Room for 3 draws a person at the usual mean (as always), proportionally more for more.
        int most = maxTiesEach + (extraTieChance > 0 ? 1 : 0);
        long[] pairs = new long[Math.toIntExact((long) peopleCount * (most + 1) / 2)];
        int count = 0;
        for (int i = 0; i < peopleCount; i++) {
            int ties = random.nextInt(maxTiesEach + 1);
            if (extraTieChance > 0 && random.nextDouble() < extraTieChance) {
                ties++;
            }
            for (int t = 0; t < ties && count < pairs.length; t++) {
                int other = pickOther(i, random);
                if (other >= 0 && other != i) {
                    pairs[count++] = ((long) Math.min(i, other) << 32) | Math.max(i, other);
                }
            }
        }
        long[] sorted = Arrays.copyOf(pairs, count);
        Arrays.sort(sorted);
        long previous = -1;
        for (long pair : sorted) {
            if (pair == previous) {
                continue;
            }
            previous = pair;
            int a = (int) (pair >>> 32);
            int b = (int) pair;
            SplittableRandom r = new SplittableRandom(pair ^ seed);
            String kind;
            String note = "";
            if (personOrganisation[a] >= 0 && personOrganisation[a] == personOrganisation[b]) {
                kind = "work_together";
            } else if (personPlace[a] == personPlace[b]) {
                kind = "met_through";
                note = List.of("the system leadership workshop", "the Brew and Biscuits scheme", "a multidisciplinary team meeting",
                        "the neighbourhood partnership", "the TED Talks cinema club").get(r.nextInt(5));
            } else {
                kind = r.nextInt(3) == 0 ? "collaborate" : "know";
            }
            sink.accept(new DemoTie(a, b, kind, note, TODAY.minusDays(r.nextInt(3 * 365))));
        }
    }

    private int pickOther(int i, SplittableRandom random) {
        int roll = random.nextInt(6);
        if (roll < 3 && personOrganisation[i] >= 0 && membersOfOrganisation[personOrganisation[i]].length > 1) {
            int[] colleagues = membersOfOrganisation[personOrganisation[i]];
            return colleagues[random.nextInt(colleagues.length)];
        }
        if (roll < 5) {
            int[] neighbours = peopleInPlace[personPlace[i]];
            return neighbours[random.nextInt(neighbours.length)];
        }
        return peopleCount > 1 ? random.nextInt(peopleCount) : -1;
    }

    private static String roman(int n) {
        return switch (n) {
            case 2 -> "II";
            case 3 -> "III";
            case 4 -> "IV";
            case 5 -> "V";
            default -> "(" + n + ")";
        };
    }
}
