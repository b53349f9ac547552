package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.function.Consumer;

/** The page audit the feature accessibility tests share: heading, CSP, error summary links, axe and browser problems. */
final class PageAudit {
    private PageAudit() {
    }

    /**
     * Every link in an error summary must take the user to the field it is about (axe does not check
     * this): an element with that id, which is a form control or holds one.
     */
    static void errorSummaryLinksLeadToFields(Page page, String path) {
        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) page.evaluate("""
                () => [...document.querySelectorAll('.govuk-error-summary a[href^="#"]')]
                  .filter(a => {
                    const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
                    return !target || !(target.matches('input, select, textarea, main') || target.querySelector('input, select, textarea'));
                  })
                  .map(a => a.getAttribute('href') + ' (' + a.textContent.trim() + ')')""");
        org.assertj.core.api.Assertions.assertThat(broken).as("error summary links on " + path + " that lead nowhere").isEmpty();
    }

    /**
     * Opens the page, checks it is the page meant (its main heading), lets the test act on it, then runs
     * axe and checks the browser reported nothing (as {@link AccessibilityTest} does).
     */
    static void audit(BrowserContext context, String path, String heading, Consumer<Page> act) {
        Page page = context.newPage();
        PageProblems problems = PageProblems.watch(page);
        try {
            Response response = page.navigate(path);
            org.assertj.core.api.Assertions.assertThat(response.headerValue("content-security-policy"))
                    .as("Content-Security-Policy of " + path).contains("script-src 'self'").contains("style-src 'self'");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading).setExact(true).setLevel(1)))
                    .isVisible();
            act.accept(page);
            errorSummaryLinksLeadToFields(page, path);
            Axe.assertNoBlockingViolations(page, path);
            problems.assertNone(path + " (ending at " + page.url() + ")");
        } finally {
            page.close();
        }
    }
}
