package org.convene.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** axe-core against the page as it is now, for WCAG 2.2 AA; nothing excluded, no rule disabled. */
public final class Axe {
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Axe() {
    }

    /** The serious and critical violations, described for a developer; empty when there are none. */
    public static List<String> blockingViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not run on " + page.url() + ": " + results.getErrorMessage());
        }
        results.getViolations().stream().filter(v -> !BLOCKING.contains(v.getImpact()))
                .forEach(v -> System.out.println("axe (not failing: " + v.getImpact() + ") on " + page.url() + "\n" + describe(v)));
        results.getIncomplete().forEach(v -> System.out.println("axe (needs review) on " + page.url() + "\n" + describe(v)));
        return results.getViolations().stream()
                .filter(v -> BLOCKING.contains(v.getImpact()))
                .map(Axe::describe)
                .toList();
    }

    /** Fails with every serious or critical violation: rule id, impact, help, link and the offending elements. */
    public static void assertNoBlockingViolations(Page page, String where) {
        List<String> violations = blockingViolations(page);
        if (!violations.isEmpty()) {
            throw new AssertionError(where + " (" + page.url() + ") has " + violations.size()
                    + " serious or critical accessibility violation(s):\n" + String.join("\n", violations));
        }
    }

    static String describe(Rule v) {
        String nodes = v.getNodes().stream().map(Axe::describe).collect(Collectors.joining("\n"));
        return "- " + v.getId() + " [" + v.getImpact() + "] " + v.getHelp() + " (" + v.getHelpUrl() + ")\n" + nodes;
    }

    private static String describe(CheckedNode n) {
        String summary = n.getFailureSummary() == null ? "" : "\n        " + n.getFailureSummary().replace("\n", "\n        ");
        return "    at " + n.getTarget() + "  " + abbreviate(n.getHtml()) + summary;
    }

    private static String abbreviate(String html) {
        if (html == null) {
            return "";
        }
        String oneLine = html.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
