package org.convene.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a page reported that a user never should cause: console errors (which include the
 * "Refused to ..." messages Chromium logs when the Content-Security-Policy blocks an inline script
 * or style), uncaught exceptions, CSP violation events, and sub-resources (scripts, styles, images,
 * htmx requests) that failed or answered with an error status.
 *
 * <p>A page that is itself an error page (a 404, or a form shown again with 422) is expected to
 * answer with that status; Chromium logs "Failed to load resource" for it, which is not counted.
 */
public final class PageProblems {
    /** Turns CSP violation events into console errors with the directive and where it happened. */
    private static final String CSP_LISTENER = """
            document.addEventListener('securitypolicyviolation', (e) => {
              console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline')
                + ' at ' + (e.sourceFile || document.location.href) + ':' + e.lineNumber
                + (e.sample ? ' sample: ' + e.sample : ''));
            }, true);
            """;

    private final List<String> console = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> errorDocuments = new HashSet<>();

    private PageProblems() {
    }

    public static PageProblems watch(Page page) {
        PageProblems problems = new PageProblems();
        page.addInitScript(CSP_LISTENER);
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                synchronized (problems) {
                    problems.console.add(m.text() + "  [" + m.location() + "]");
                }
            }
        });
        page.onPageError(e -> problems.add("Uncaught error: " + e));
        page.onRequestFailed(r -> problems.add("Request failed: " + r.method() + " " + r.url() + " " + r.failure()));
        page.onResponse(r -> problems.response(r));
        return problems;
    }

    private synchronized void add(String problem) {
        failures.add(problem);
    }

    private synchronized void response(Response r) {
        if (r.status() < 400) {
            return;
        }
        if ("document".equals(r.request().resourceType())) {
            errorDocuments.add(r.url());
        } else {
            failures.add("HTTP " + r.status() + " for " + r.request().resourceType() + " " + r.request().method() + " " + r.url());
        }
    }

    /** Every problem so far, as lines for a failure message. */
    public synchronized List<String> all() {
        List<String> all = new ArrayList<>(failures);
        for (String line : console) {
            boolean ownStatus = line.startsWith("Failed to load resource: the server responded with a status of")
                    && errorDocuments.stream().anyMatch(url -> line.endsWith("[" + url + "]") || line.contains("[" + url + ":"));
            if (!ownStatus) {
                all.add("Console error: " + line);
            }
        }
        return all;
    }

    /** Forgets what was seen so far (for example before the next page of a journey). */
    public synchronized void clear() {
        console.clear();
        failures.clear();
        errorDocuments.clear();
    }

    /** Fails listing every console error, CSP violation and failed request seen on this page. */
    public void assertNone(String where) {
        List<String> all = all();
        if (!all.isEmpty()) {
            throw new AssertionError(where + ": the browser reported " + all.size() + " problem(s):\n  - "
                    + String.join("\n  - ", all));
        }
    }
}
