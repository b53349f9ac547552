package org.convene.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.demo.RegionGenerator;

/**
 * Round participants made by the project's demo generator ({@link RegionGenerator}), given the
 * topics of the V3 migration as the demo loader is; plus skewed variants. The same arguments always
 * give the same people, in the same order, with ids {@code d<generator index>}.
 */
final class DemoInstances {
    /** The kinds of instance the quality benchmark runs. */
    enum Kind {
        /** The generator as it is: 13 sectors, 6 places, 2-5 interests of 32, sector-favoured. */
        DEMO,
        /** 70 % of the people in one sector (acute); the others as the generator has them. */
        DOMINANT_SECTOR,
        /** As DEMO, but half the people have no interest and the others one of only 5 topics. */
        FEW_INTERESTS,
        /** As DEMO; the benchmark puts 20 earlier random rounds into the history first. */
        LONG_HISTORY
    }

    static final String DOMINANT = "acute";
    static final double DOMINANT_SHARE = 0.7;
    static final int FEW_TOPICS = 5;

    private DemoInstances() {
    }

    /** The topics the database starts with (the demo loader gives the generator these, sorted). */
    static List<String> topics() {
        try (InputStream in = DemoInstances.class.getResourceAsStream("/db/migration/V3__topics.sql")) {
            if (in == null) {
                throw new IllegalStateException("V3__topics.sql is not on the class path");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String values = sql.substring(sql.indexOf("VALUES"));
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("\\('((?:[^']|'')*)'\\)").matcher(values);
            while (m.find()) {
                out.add(m.group(1).replace("''", "'"));
            }
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Participant> of(Kind kind, int n, long seed) {
        return switch (kind) {
            case DEMO, LONG_HISTORY -> demo(n, seed);
            case DOMINANT_SECTOR -> dominantSector(n, seed, DOMINANT_SHARE);
            case FEW_INTERESTS -> fewInterests(n, seed);
        };
    }

    /** The first n people of the demo region of n people. */
    static List<Participant> demo(int n, long seed) {
        RegionGenerator region = new RegionGenerator(seed, n, topics());
        List<Participant> out = new ArrayList<>(n);
        region.forEachPerson(p -> out.add(participant(region, p, p.interests())));
        return out;
    }

    /**
     * {@code share} of the n people from the dominant sector, the rest from the other sectors:
     * the first ones of each kind, in index order, of a region large enough to hold them all.
     */
    static List<Participant> dominantSector(int n, long seed, double share) {
        int wantDominant = (int) Math.round(n * share);
        int wantOthers = n - wantDominant;
        // acute is 18 % of the generator's people; ask for 25 % more than needed.
        int size = (int) Math.ceil(Math.max(wantDominant / 0.18, wantOthers / 0.82) * 1.25) + 200;
        RegionGenerator region = new RegionGenerator(seed, size, topics());
        List<Participant> out = new ArrayList<>(n);
        int dominant = 0;
        int others = 0;
        for (int i = 0; i < size && (dominant < wantDominant || others < wantOthers); i++) {
            RegionGenerator.DemoPerson p = region.person(i);
            boolean isDominant = p.sectorCode().equals(DOMINANT);
            if (isDominant && dominant < wantDominant) {
                dominant++;
                out.add(participant(region, p, p.interests()));
            } else if (!isDominant && others < wantOthers) {
                others++;
                out.add(participant(region, p, p.interests()));
            }
        }
        if (out.size() != n) {
            throw new IllegalStateException("region too small for " + n + " people");
        }
        return out;
    }

    /** The demo people with at most one interest, from a set of {@link #FEW_TOPICS} topics. */
    static List<Participant> fewInterests(int n, long seed) {
        List<String> topics = topics();
        RegionGenerator region = new RegionGenerator(seed, n, topics);
        List<String> few = topics.subList(0, FEW_TOPICS);
        List<Participant> out = new ArrayList<>(n);
        region.forEachPerson(p -> {
            SplittableRandom r = new SplittableRandom(seed * 31 + p.index());
            List<String> interests = r.nextBoolean() ? List.of() : List.of(few.get(r.nextInt(few.size())));
            out.add(participant(region, p, interests));
        });
        return out;
    }

    private static Participant participant(RegionGenerator region, RegionGenerator.DemoPerson p, List<String> interests) {
        // People with no organisation (lived experience) are each their own organisation.
        String org = p.organisation() >= 0 ? region.organisations().get(p.organisation()).name() : "independent " + p.index();
        return new Participant("d" + p.index(), p.fullName(), org, p.sectorCode(), region.places().get(p.place()),
                Set.copyOf(new LinkedHashSet<>(interests)));
    }
}
