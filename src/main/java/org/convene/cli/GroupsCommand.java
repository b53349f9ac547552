package org.convene.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.errors.BadRequestException;
import org.convene.groups.Clash;
import org.convene.groups.Formation;
import org.convene.groups.Former;
import org.convene.groups.Group;
import org.convene.groups.Pair;
import org.convene.groups.Person;
import org.convene.groups.Problem;
import org.convene.groups.Rules;
import org.convene.groups.Sizing;
import org.convene.groups.Totals;
import org.convene.transfer.AtomicFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "groups", mixinStandardHelpOptions = true,
        description = {"Forms groups from files (issue 5). Sizes differ by at most one.",
                "In this order: no must-separate pair in a group; no two people of one",
                "organisation, then of one team, when avoidable (else the fewest); the most",
                "diversity (3 x different sector + 2 x organisation + 2 x profession",
                "+ 1 x place, over the pairs in each group); group means and SDs of years",
                "and band as alike as possible; the best worst group.",
                "people.csv: id,name,organisation,team,sector,profession,place,years,band",
                "(team, years and band may be empty); separate.csv: a,b (never together).",
                "Writes group,id (groups numbered from 1)."})
public final class GroupsCommand implements Runnable {
    private static final List<String> PEOPLE_COLUMNS =
            List.of("id", "name", "organisation", "team", "sector", "profession", "place", "years", "band");
    private static final List<String> REQUIRED = List.of("id", "name", "organisation", "sector", "profession", "place");
    private static final List<String> PAIR_COLUMNS = List.of("a", "b");
    private static final int SHOWN = 20;

    @Option(names = "--people", required = true, paramLabel = "FILE", description = "The people to place (CSV, UTF-8).")
    Path people;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Sizes sizes;

    static final class Sizes {
        @Option(names = "--size", paramLabel = "S", description = "People per group: ceil(N / S) groups, none larger than S.")
        Integer size;

        @Option(names = "--groups", paramLabel = "K", description = "The number of groups.")
        Integer groups;
    }

    @Option(names = "--separate", paramLabel = "FILE", description = "Pairs who must not share a group (CSV with columns a,b).")
    Path separate;

    @Option(names = "--seed", defaultValue = "1", description = "Results are the same for the same seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the groups (CSV group,id).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        long start = System.nanoTime();
        Sizing sizing = sizing();
        List<Person> list = readPeople(people);
        List<Pair> pairs = separate == null ? List.of() : readPairs(separate, list);
        Formation formation = new Former(Rules.DEFAULT).form(Problem.of(list, sizing).withSeparate(pairs).withSeed(seed));
        try {
            AtomicFile.write(out, stream -> {
                Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader("group", "id").get())) {
                    for (Group g : formation.groups()) {
                        for (String id : g.ids()) {
                            csv.printRecord(g.index() + 1, id);
                        }
                    }
                }
                return null;
            });
        } catch (IOException e) {
            throw new BadRequestException("Could not write " + out + ": " + e.getMessage());
        }
        print(formation, list.size(), (System.nanoTime() - start) / 1e9);
    }

    private Sizing sizing() {
        if (sizes.size != null && sizes.size < 1) {
            throw new BadRequestException("--size must be at least 1, not " + sizes.size + ". Nothing was written.");
        }
        if (sizes.groups != null && sizes.groups < 1) {
            throw new BadRequestException("--groups must be at least 1, not " + sizes.groups + ". Nothing was written.");
        }
        return sizes.size != null ? Sizing.size(sizes.size) : Sizing.groups(sizes.groups);
    }

    private void print(Formation formation, int n, double seconds) {
        Totals t = formation.totals();
        PrintWriter o = spec.commandLine().getOut();
        Map<Integer, Long> bySize = new TreeMap<>(java.util.Comparator.reverseOrder());
        formation.groups().forEach(g -> bySize.merge(g.size(), 1L, Long::sum));
        o.printf(Locale.ROOT, "people: %d%ngroups: %d (%s)%n", n, formation.groups().size(),
                bySize.entrySet().stream().map(e -> e.getValue() + " of " + e.getKey()).collect(Collectors.joining(", ")));
        o.printf(Locale.ROOT, "diversity: %d%nupper bound: %d%nratio: %.4f%n", t.diversity(), t.upperBound(), t.ratio());
        o.printf(Locale.ROOT, "organisation clashes: %d (fewest possible: %d)%nteam clashes: %d%nseparate pairs broken: %d%n",
                t.organisationClashes(), t.minimumOrganisationClashes(), t.teamClashes(), t.separateBroken());
        List<String> names = Rules.DEFAULT.numbers();
        o.printf(Locale.ROOT, "largest gap between group means, in SDs: %s%nlargest gap between group SDs, in SDs: %s%n",
                perAttribute(names, t.maxMeanGaps()), perAttribute(names, t.maxSdGaps()));
        o.printf(Locale.ROOT, "worst group diversity: %d%nseconds: %.2f%n", t.worstGroupDiversity(), seconds);
        for (Group g : formation.groups().subList(0, Math.min(SHOWN, formation.groups().size()))) {
            o.printf(Locale.ROOT, "group %d (%d): diversity %d; sectors %s; professions %s; organisations %s; places %s; %s%n",
                    g.index() + 1, g.size(), g.diversity(), mix(g.sectors()), mix(g.professions()), mix(g.organisations()), mix(g.places()),
                    numbers(names, g));
        }
        if (formation.groups().size() > SHOWN) {
            o.printf("... and %d more groups%n", formation.groups().size() - SHOWN);
        }
        List<Clash> broken = t.broken();
        for (Clash c : broken.subList(0, Math.min(SHOWN, broken.size()))) {
            o.printf("  group %d: %s and %s %s%n", c.group() + 1, c.a(), c.b(), switch (c.kind()) {
                case SEPARATE -> "must be separate";
                case ORGANISATION -> "are from the same organisation";
                case TEAM -> "are from the same team";
                case REPEAT -> "were in a group together before";
            });
        }
        long clashes = t.organisationClashes() + t.teamClashes() + t.separateBroken() + t.repeats();
        if (clashes > SHOWN) {
            o.printf("  ... and %d more clashes%n", clashes - SHOWN);
        }
        o.flush();
    }

    private static String perAttribute(List<String> names, List<Double> gaps) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            parts.add(String.format(Locale.ROOT, "%s %.3f", names.get(j), gaps.get(j)));
        }
        return String.join(", ", parts);
    }

    private static String mix(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String numbers(List<String> names, Group g) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double mean = g.means().get(j);
            parts.add(Double.isNaN(mean) ? names.get(j) + " -"
                    : String.format(Locale.ROOT, "%s mean %.1f (SD %.1f)", names.get(j), mean, g.sds().get(j)));
        }
        return String.join(", ", parts);
    }

    private static List<Person> readPeople(Path file) {
        List<Person> list = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        CsvFiles.read(file, PEOPLE_COLUMNS, (record, line, col) -> {
            String id = record.get(col.get("id")).strip();
            for (String column : REQUIRED) {
                if (record.get(col.get(column)).isBlank()) {
                    throw CsvFiles.bad(file, line, "the " + column + " is empty" + (id.isEmpty() ? "." : " for '" + id + "'."));
                }
            }
            Long first = lines.putIfAbsent(id, line);
            if (first != null) {
                throw CsvFiles.bad(file, line, "the id '" + id + "' is already used on line " + first + ".");
            }
            double years = number(file, line, "years", record.get(col.get("years")));
            double band = number(file, line, "band", record.get(col.get("band")));
            list.add(new Person(id, record.get(col.get("organisation")), record.get(col.get("team")), record.get(col.get("sector")),
                    record.get(col.get("profession")), record.get(col.get("place")), new double[] {years, band}));
        });
        return list;
    }

    /** An empty value is missing (NaN); otherwise a number of 0 or more. */
    private static double number(Path file, long line, String column, String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw CsvFiles.bad(file, line, "the " + column + " '" + value + "' is not a number (leave it empty if unknown).");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw CsvFiles.bad(file, line, "the " + column + " must be a number of 0 or more, not '" + value + "'.");
        }
        return v;
    }

    private static List<Pair> readPairs(Path file, List<Person> people) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        people.forEach(p -> ids.add(p.id()));
        List<Pair> pairs = new ArrayList<>();
        CsvFiles.read(file, PAIR_COLUMNS, (record, line, col) -> {
            String a = record.get(col.get("a")).strip();
            String b = record.get(col.get("b")).strip();
            for (String id : List.of(a, b)) {
                if (!ids.contains(id)) {
                    throw CsvFiles.bad(file, line, "unknown id '" + id + "' (not in the people file).");
                }
            }
            if (a.equals(b)) {
                throw CsvFiles.bad(file, line, "'" + a + "' is paired with themselves.");
            }
            pairs.add(new Pair(a, b));
        });
        return pairs;
    }
}
