package org.convene.evaluation.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.convene.evaluation.Distribution;
import org.convene.evaluation.PairedComparison;
import org.convene.evaluation.SampleReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a report costs: statistics for a 5,000-participant programme, the SVG charts, and the PDF of a
 * 30-person cohort's report and of a report of about 40 pages with 30 charts. Prints times and memory.
 * Excluded by default; run with
 * {@code mvn test -Dtest='PdfBenchmarkTest' -Dtest.excludedGroups=none}.
 */
@Tag("bench")
class PdfBenchmarkTest {

    @Test
    void reportCosts() throws Exception {
        System.out.println("== evaluation report benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + mb(Runtime.getRuntime().maxMemory()) + ")");

        // Statistics: 20 confidence items, pre/post/then for 5,000 people; 40 Likert distributions.
        Random random = new Random(5);
        int people = 5_000;
        double[][] before = new double[20][people];
        double[][] after = new double[20][people];
        for (int i = 0; i < 20; i++) {
            for (int p = 0; p < people; p++) {
                before[i][p] = 1 + random.nextInt(5);
                after[i][p] = random.nextInt(10) == 0 ? Double.NaN : Math.min(5, before[i][p] + random.nextInt(3) - 0.0);
            }
        }
        List<List<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<Integer> a = new ArrayList<>();
            for (int p = 0; p < people; p++) {
                a.add(1 + random.nextInt(5));
            }
            answers.add(a);
        }
        for (int warm = 0; warm < 3; warm++) {
            statistics(before, after, answers);
        }
        long t = System.nanoTime();
        statistics(before, after, answers);
        System.out.printf(Locale.ROOT, "statistics, 5,000 people: 20 paired comparisons + 40 distributions: %.1f ms%n",
                ms(t));

        // Charts alone.
        for (int warm = 0; warm < 3; warm++) {
            SampleReport.html(8, 30, 1, 0, 30);
        }
        t = System.nanoTime();
        String charts = SampleReport.html(8, 30, 1, 0, 30);
        System.out.printf(Locale.ROOT, "HTML with 30 SVG charts (8 sections, incl. their statistics): %.1f ms, %d KB%n",
                ms(t), charts.length() / 1024);

        String cohort = SampleReport.html(2, 30, 2, 4, 8);
        String big = SampleReport.html(8, 30, 3, 30, 30);
        measure("cold: first PDF in this JVM (cohort report)", cohort, PdfRenderer.Options.defaults());
        for (int i = 0; i < 3; i++) {
            measure("cohort report, 30 people, 8 charts", cohort, PdfRenderer.Options.defaults());
        }
        for (int i = 0; i < 3; i++) {
            measure("report of ~40 pages, 30 charts", big, PdfRenderer.Options.defaults());
        }
        String noCharts = SampleReport.html(8, 30, 3, 30, 0);
        for (int i = 0; i < 2; i++) {
            measure("the same text and tables without the charts", noCharts, PdfRenderer.Options.defaults());
        }
    }

    private static void statistics(double[][] before, double[][] after, List<List<Integer>> answers) {
        double sink = 0;
        for (int i = 0; i < before.length; i++) {
            sink += PairedComparison.of(before[i], after[i]).wilcoxonP();
        }
        for (List<Integer> a : answers) {
            sink += Distribution.likert5(a).mean().orElse(0);
        }
        assertThat(sink).isFinite();
    }

    private static void measure(String what, String html, PdfRenderer.Options options) throws Exception {
        System.gc();
        long heapBefore = heapUsed();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long t = System.nanoTime();
        byte[] pdf = PdfRenderer.render(html, options);
        double elapsed = ms(t);
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
        }
        System.out.printf(Locale.ROOT, "%s: %d pages, %.0f ms, PDF %d KB, allocated %s, heap peak %s (in use before %s)%n",
                what, pages, elapsed, pdf.length / 1024, mb(allocated), mb(peak), mb(heapBefore));
        assertThat(pages).isPositive();
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }
}
