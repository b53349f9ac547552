package org.convene.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.convene.app.Config;
import org.convene.db.Database;
import org.convene.demo.DemoData;
import org.convene.programmes.CourseChanges;
import org.convene.programmes.Programmes;
import org.convene.surveys.Results;
import org.convene.surveys.Surveys;
import org.convene.testing.TestDatabase;
import org.convene.web.Templates;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the evaluation report costs for a 30-person cohort (the demo's, run through the services by
 * ProgrammeDemo) and for a national cohort of 5,000 participants with about 50,000 comments
 * ({@link NationalProgrammeFixture}), both in one database: time, bytes allocated and heap for
 * building the figures, rendering the HTML (with its charts), rendering the PDF and writing the
 * CSV of the data. Excluded by default; run with
 * {@code mvn -o -q test -Dtest=ReportScaleBenchmarkTest -Dtest.excludedGroups=none}.
 */
@Tag("bench")
class ReportScaleBenchmarkTest {
    static final int NATIONAL = 5_000;
    static final int RUNS = 5;

    record Figures(String cohort, String step, double bestMs, double medianMs, double allocatedMb, double retainedMb,
                   double peakMb, String output) {
    }

    @TempDir
    Path dir;

    @Test
    void reportCostsForACohortAndANationalProgramme() throws Exception {
        System.out.printf(Locale.ROOT, "== report at scale: %d cores, max heap %,d MB, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.version"));
        Config config = TestDatabase.get().fresh();
        try (Database db = Database.open(config)) {
            Jdbi jdbi = db.jdbi();
            long t = System.nanoTime();
            DemoData.Result demo = DemoData.load(jdbi, 1, 6_000, false);
            System.out.printf(Locale.ROOT, "directory of %,d people and the 30-person demo cohort (ProgrammeDemo, %d responses): %.1f s%n",
                    demo.people(), demo.programme().responses(), (System.nanoTime() - t) / 1e9);
            List<Long> people = NationalProgrammeFixture.pickPeople(jdbi, 2, NATIONAL);
            NationalProgrammeFixture.Loaded national = NationalProgrammeFixture.load(jdbi, 3, "National cohort 2025", people,
                    LocalDate.of(2025, 1, 14));
            System.out.printf(Locale.ROOT, "national cohort: %,d participants, %,d invitations, %,d responses (+%,d drafts), %,d answers, "
                            + "%,d comments, %,d connections named: loaded in %.1f s%n", national.participants(), national.invitations(),
                    national.responses(), national.drafts(), national.answers(), national.comments(), national.connectionsNamed(),
                    national.millis() / 1e3);

            jdbi.useHandle(h -> {
                System.out.println("national cohort by sector: " + h.createQuery("SELECT string_agg(sector_code || ' ' || n, ', ' "
                                + "ORDER BY n DESC) FROM (SELECT p.sector_code, count(*) AS n FROM enrolments e JOIN people p "
                                + "ON p.id = e.person_id WHERE e.cohort_id = :c GROUP BY p.sector_code) s")
                        .bind("c", national.cohortId()).mapTo(String.class).one());
                System.out.printf(Locale.ROOT, "national cohort: %,d different comments among %,d%n", h.createQuery(
                                "SELECT count(DISTINCT a.text) FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id "
                                        + "JOIN surveys s ON s.id = q.survey_id WHERE s.cohort_id = :c AND q.kind = 'text'")
                        .bind("c", national.cohortId()).mapTo(Integer.class).one(), national.comments());
            });

            Surveys surveys = new Surveys(jdbi);
            Reports reports = new Reports(jdbi, new Programmes(jdbi), surveys, new Results(jdbi), new CourseChanges(jdbi));
            ReportRenderer renderer = new ReportRenderer(reports, new Templates());
            ReportData data = new ReportData(jdbi, surveys);

            EvaluationReport big = reports.build(national.cohortId());
            saneNationalReport(big, national);
            EvaluationReport small = reports.build(demo.programme().cohortId());
            assertThat(small.participation().enrolled()).isEqualTo(30);
            assertThat(small.sentiment().comments()).isGreaterThan(50);

            List<Figures> figures = new ArrayList<>();
            figures.addAll(steps("30 people", demo.programme().cohortId(), reports, renderer, data));
            figures.addAll(steps("5,000 people", national.cohortId(), reports, renderer, data));

            List<String> heaps = new ArrayList<>();
            for (String format : List.of("pdf", "csv")) {
                heaps.add(format + ": " + smallestHeap(config, national.cohortId(), format, dir));
            }

            System.out.println();
            System.out.println("| cohort | step | best ms | median ms | allocated MB | retained MB | peak heap MB | output |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|---|");
            for (Figures f : figures) {
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.1f | %.0f | %s |%n", f.cohort(), f.step(), f.bestMs(),
                        f.medianMs(), f.allocatedMb(), f.retainedMb(), f.peakMb(), f.output());
            }
            System.out.println();
            System.out.println("`report` command for the national cohort in a fresh JVM:");
            heaps.forEach(line -> System.out.println("- " + line));
        }
    }

    /**
     * Runs the {@code report} command for the cohort in a fresh JVM with a heap of 32, 64, 128, 256
     * and 512 MB until one succeeds, then once with 1 GB for comparison: a bound on the memory a
     * report really needs, which the in-process peak (garbage included) cannot give.
     */
    private static String smallestHeap(Config config, long cohortId, String format, Path dir) throws Exception {
        for (int mb : new int[] {32, 64, 128, 256, 512}) {
            String run = reportCommand(config, cohortId, format, dir, mb);
            if (run != null) {
                return String.format(Locale.ROOT, "works with -Xmx%dm: %s; with -Xmx1g: %s", mb, run,
                        reportCommand(config, cohortId, format, dir, 1024));
            }
        }
        return "needs more than 512 MB";
    }

    /** How long the command took (by its own account, and with the JVM's start), or null if it failed. */
    private static String reportCommand(Config config, long cohortId, String format, Path dir, int mb) throws Exception {
        Path out = dir.resolve("report-" + mb + "." + format);
        Path log = dir.resolve("report-" + mb + "-" + format + ".log");
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + mb + "m", "-cp", System.getProperty("java.class.path"), "org.convene.Main", "report",
                "--cohort", String.valueOf(cohortId), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        java.environment().put("CONVENE_DATABASE_URL", config.databaseUrl().orElseThrow());
        java.environment().put("CONVENE_DATABASE_USER", config.databaseUser());
        java.environment().put("CONVENE_DATABASE_PASSWORD", config.databasePassword());
        long t = System.nanoTime();
        Process process = java.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - t) / 1e9;
        if (process.exitValue() != 0 || !Files.exists(out) || Files.size(out) == 0) {
            return null;
        }
        String said = Files.readAllLines(log).stream().filter(l -> l.startsWith("Wrote the")).findFirst().orElse("");
        return String.format(Locale.ROOT, "%,d KB in %s (%.1f s with the JVM's start)", Files.size(out) / 1024,
                said.replaceAll(".* in ([0-9.]+ s)$", "$1"), seconds);
    }

    private static void saneNationalReport(EvaluationReport r, NationalProgrammeFixture.Loaded national) {
        assertThat(r.participation().enrolled()).isEqualTo(NATIONAL);
        assertThat(r.participation().modules()).hasSize(6).allSatisfy(m -> assertThat(m.present()).isGreaterThan(4_000));
        assertThat(r.responseRates()).hasSize(7).allSatisfy(s -> {
            assertThat(s.withheld()).isFalse();
            assertThat(s.submitted()).isGreaterThan(3_500);
        });
        EvaluationReport.SentimentSplit s = r.sentiment();
        assertThat(s.comments()).as("every submitted comment counted once").isEqualTo(national.comments()).isBetween(45_000, 55_000);
        assertThat(s.positive() + s.negative() + s.neutral()).isEqualTo(s.comments());
        assertThat(s.positive()).isGreaterThan(10_000);
        assertThat(s.negative()).isGreaterThan(10_000);
        assertThat(r.sentimentByModule()).hasSize(5);
        assertThat(r.themes()).hasSizeGreaterThan(5).allSatisfy(t -> assertThat(t.quotes()).isNotEmpty());
        assertThat(r.themes().stream().mapToInt(t -> t.count()).sum()).isEqualTo(s.comments());
        assertThat(r.confidence()).hasSize(6).allSatisfy(c -> {
            assertThat(c.prePostPairs()).as(c.code()).isGreaterThan(3_000);
            assertThat(c.thenTestPairs()).as(c.code()).isGreaterThan(3_000);
            assertThat(c.prePost().meanChange()).as(c.code()).isGreaterThan(0.8);
            assertThat(c.thenTest().meanChange()).as(c.code()).isGreaterThan(1.0);
        });
        assertThat(r.trends()).isNotEmpty().allSatisfy(t -> assertThat(t.points()).hasSize(5));
        assertThat(r.connections().reported()).isEqualTo(national.connectionsNamed());
        assertThat(r.connections().pairs()).isGreaterThan(10_000);
        assertThat(r.changes()).hasSize(1);
        assertThat(r.changes().get(0).after() - r.changes().get(0).before()).isGreaterThan(1.0);
        assertThat(r.changes().get(0).comments()).isNotEmpty();
    }

    private static List<Figures> steps(String cohort, long cohortId, Reports reports, ReportRenderer renderer, ReportData data) {
        List<Figures> out = new ArrayList<>();
        out.add(measure(cohort, "figures (Reports.build)", () -> reports.build(cohortId),
                r -> String.format(Locale.ROOT, "%,d comments", r.sentiment().comments())));
        EvaluationReport report = reports.build(cohortId);
        out.add(measure(cohort, "charts and HTML", () -> renderer.html(new ReportView(report, ReportCharts.of(report), true)),
                html -> String.format(Locale.ROOT, "%,d KB", html.length() / 1024)));
        ReportView view = new ReportView(report, ReportCharts.of(report), true);
        out.add(measure(cohort, "PDF from the view", () -> renderer.pdf(view), pdf -> String.format(Locale.ROOT, "%,d KB", pdf.length / 1024)));
        out.add(measure(cohort, "CSV of the data (ReportData)", () -> {
            CountingWriter writer = new CountingWriter();
            data.write(cohortId, writer);
            return writer;
        }, w -> String.format(Locale.ROOT, "%,d rows, %,d KB", w.lines, w.chars / 1024)));
        out.add(measure(cohort, "PDF download, end to end", () -> renderer.pdf(renderer.view(cohortId, true)),
                pdf -> String.format(Locale.ROOT, "%,d KB", pdf.length / 1024)));
        return out;
    }

    /**
     * Warms up once, then runs {@link #RUNS} times: best and median time; median bytes allocated by
     * this thread; heap still used after a full GC with the result held, less the heap used after
     * a full GC before the run (retained); and the highest sum of the heap pools' peaks (peak,
     * garbage included, so it depends on when the collector ran).
     */
    static <T> Figures measure(String cohort, String step, Supplier<T> work, Function<T, String> describe) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        T result = work.get();
        String output = describe.apply(result);
        result = null;
        double[] ms = new double[RUNS];
        double[] allocated = new double[RUNS];
        double[] retained = new double[RUNS];
        double[] peak = new double[RUNS];
        double[] live = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long before = heapAfterGc();
            live[i] = before / 1048576.0;
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long bytes = threads.getThreadAllocatedBytes(thread);
            long t = System.nanoTime();
            result = work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
            allocated[i] = (threads.getThreadAllocatedBytes(thread) - bytes) / 1048576.0;
            peak[i] = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
            retained[i] = (heapAfterGc() - before) / 1048576.0;
            Reference.reachabilityFence(result);
            result = null;
        }
        System.out.printf(Locale.ROOT, "%s, %s: %s ms, allocated %s MB, retained %s MB, heap in use before each run %s MB%n", cohort,
                step, Arrays.toString(Arrays.stream(ms).mapToLong(Math::round).toArray()),
                Arrays.toString(Arrays.stream(allocated).mapToLong(Math::round).toArray()),
                Arrays.toString(Arrays.stream(retained).map(v -> Math.round(v * 10) / 10.0).toArray()),
                Arrays.toString(Arrays.stream(live).mapToLong(Math::round).toArray()));
        // Retained: the least of the runs that freed nothing held before, as something in the PDF renderer
        // holds about 19 MB after some runs and lets it go after others.
        return new Figures(cohort, step, Arrays.stream(ms).min().orElseThrow(), median(ms), median(allocated),
                Arrays.stream(retained).filter(v -> v >= 0).min().orElse(0),
                Arrays.stream(peak).max().orElseThrow(), output);
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Counts what is written and keeps nothing, as a response stream would. */
    static final class CountingWriter extends Writer {
        long chars;
        long lines;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void write(String s, int offset, int length) {
            chars += length;
            for (int i = offset; i < offset + length; i++) {
                if (s.charAt(i) == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
