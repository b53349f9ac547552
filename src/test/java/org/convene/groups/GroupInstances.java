package org.convene.groups;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.convene.demo.RegionGenerator;

/**
 * Group formation problems made from the project's demo region ({@link RegionGenerator}), with
 * years of experience and pay band drawn from each person's own seeded stream. The same arguments
 * always give the same problem; ids are {@code d<generator index>}.
 */
final class GroupInstances {
    /** The kinds of instance the benchmark runs. */
    enum Kind {
        /** The region as generated; people without an organisation (lived experience) have none. */
        DEMO,
        /**
         * The acute, community, mental health and ambulance people (about 41 %) all work for one
         * integrated trust, in teams of 8; everyone else is in a team of up to 5 in their organisation;
         * one must-together pair per 50 people, one must-separate pair per 25, and one person locked
         * into each of the first tenth of the groups.
         */
        HARD
    }

    static final String DOMINANT = "Northern Integrated Care NHS Foundation Trust";
    private static final List<String> TOPICS = List.of("frailty", "hospital discharge", "loneliness and isolation", "population health");
    private static final List<String> INTEGRATED = List.of("acute", "community", "mental_health", "ambulance");

    private GroupInstances() {
    }

    static Problem of(Kind kind, int n, int groupSize, long seed) {
        List<Person> people = people(kind, n, seed);
        Problem problem = Problem.of(people, Sizing.size(groupSize)).withSeed(seed);
        return kind == Kind.HARD ? constrain(problem, seed) : problem;
    }

    static List<Person> people(Kind kind, int n, long seed) {
        RegionGenerator region = new RegionGenerator(seed, n, TOPICS);
        List<Person> out = new ArrayList<>(n);
        Map<String, Integer> teamFill = new HashMap<>();
        region.forEachPerson(p -> {
            String organisation = p.organisation() >= 0 ? region.organisations().get(p.organisation()).name() : "";
            String team = "";
            if (kind == Kind.HARD) {
                if (INTEGRATED.contains(p.sectorCode())) {
                    organisation = DOMINANT;
                }
                if (!organisation.isEmpty()) {
                    int member = teamFill.merge(organisation, 1, Integer::sum) - 1;
                    team = organisation + " / team " + (member / (organisation.equals(DOMINANT) ? 8 : 5) + 1);
                }
            }
            out.add(new Person("d" + p.index(), organisation, team, p.sectorCode(), p.profession(),
                    region.places().get(p.place()), numbers(p, seed)));
        });
        return out;
    }

    /**
     * Years of experience (0-40) and NHS Agenda for Change pay band (2-9), rising with seniority
     * read from the job title, plus noise; lived-experience members have no band and half of them
     * no years; 4 % of the others miss their years and 3 % their band.
     */
    static double[] numbers(RegionGenerator.DemoPerson p, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 7919 + p.index() * 31L + 17);
        String title = p.jobTitle().toLowerCase(Locale.ROOT);
        int seniority = 1;
        if (title.matches(".*(consultant|partner|chief|head).*")) {
            seniority = 3;
        } else if (title.matches(".*(senior|manager|lead|advanced|specialist|matron|registrar|sister|coordinator|psychologist).*")) {
            seniority = 2;
        } else if (title.matches(".*(support worker|care worker|handler|navigator|care navigator|volunteer).*")) {
            seniority = 0;
        }
        String profession = p.profession().toLowerCase(Locale.ROOT);
        double bump = profession.matches("(doctor|gp|psychiatrist|psychologist|pharmacist)") ? 1.5
                : profession.matches("(care worker|call handler|care navigator|re-ablement worker|peer support worker)") ? -1 : 0;
        double band = Math.max(2, Math.min(9, Math.round(3.2 + 1.5 * seniority + bump + 0.9 * gaussian(r))));
        double years = Math.max(0, Math.min(40, Math.round(4 + 6.5 * seniority + 6 * gaussian(r))));
        boolean lived = p.sectorCode().equals("lived_experience");
        if (lived) {
            band = Double.NaN;
            if (r.nextBoolean()) {
                years = Double.NaN;
            }
        } else {
            if (r.nextInt(100) < 4) {
                years = Double.NaN;
            }
            if (r.nextInt(100) < 3) {
                band = Double.NaN;
            }
        }
        return new double[] {years, band};
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** The hard instance's pairs and locks, from a seeded stream. */
    private static Problem constrain(Problem problem, long seed) {
        List<Person> people = problem.people();
        int n = people.size();
        SplittableRandom r = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
        boolean[] taken = new boolean[n];
        List<Pair> together = new ArrayList<>();
        for (int i = 0; i < n / 50; i++) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            if (a != b && !taken[a] && !taken[b] && !sameOrganisation(people.get(a), people.get(b))) {
                taken[a] = true;
                taken[b] = true;
                together.add(new Pair(people.get(a).id(), people.get(b).id()));
            }
        }
        List<Pair> separate = new ArrayList<>();
        for (int i = 0; i < n / 25; i++) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            if (a != b) {
                separate.add(new Pair(people.get(a).id(), people.get(b).id()));
            }
        }
        int k = problem.sizing().groupsFor(n);
        Map<String, Integer> locked = new LinkedHashMap<>();
        for (int g = 0; g < k / 10; g++) {
            int p = r.nextInt(n);
            if (!taken[p]) {
                taken[p] = true;
                locked.put(people.get(p).id(), g);
            }
        }
        // A separate pair may not be locked into one group: the locks above put one person in each.
        return problem.withTogether(together).withSeparate(separate).withLocked(locked);
    }

    private static boolean sameOrganisation(Person a, Person b) {
        return !a.organisation().isEmpty() && a.organisation().equalsIgnoreCase(b.organisation());
    }
}
