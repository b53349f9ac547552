package org.convene.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.convene.testing.TestApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real headless Chromium for browser tests: Debian's {@code /usr/bin/chromium} driven by Playwright,
 * started once per test class. Register it as {@code @RegisterExtension static final Chromium chromium = new Chromium();}.
 *
 * <p>Playwright never downloads a browser here: its driver comes from the driver-bundle jar and
 * PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set for the driver whatever the environment says. Without
 * Chromium the tests fail in CI (CI=true), so a CI image that lost the package cannot pass
 * silently; on a developer's machine each test is reported as skipped, with the reason (an
 * execution condition rather than an assumption failing in beforeAll, which Surefire would report
 * as "Tests run: 0" without saying why).
 */
public final class Chromium implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    /** Overridable (-Dconvene.chromium=...) for machines that keep Chromium elsewhere. */
    static final Path EXECUTABLE = Paths.get(System.getProperty("convene.chromium", "/usr/bin/chromium"));
    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking");
    /** How long a locator or assertion waits before a test fails: generous for a shared 2-core machine, short enough to fail fast. */
    static final double TIMEOUT_MS = 15_000;

    private Playwright playwright;
    private Browser browser;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(EXECUTABLE) || "true".equals(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("Chromium at " + EXECUTABLE);
        }
        String reason = "Browser tests skipped because Chromium is not installed at " + EXECUTABLE
                + " (apt-get install -y chromium to run them)";
        System.err.println("WARNING " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        requireChromium(EXECUTABLE, "true".equals(System.getenv("CI")));
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
    }

    /** Fails in CI, skips elsewhere, when there is no Chromium to run. */
    static void requireChromium(Path executable, boolean ci) {
        if (Files.isExecutable(executable)) {
            return;
        }
        if (ci) {
            fail("Chromium is required in CI: apt-get install -y chromium (looked for " + executable + ")");
        }
        Assumptions.abort("Browser tests skipped because Chromium is not installed at " + executable
                + " (apt-get install -y chromium to run them)");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A fresh browser profile (own cookies) pointed at the app, with JavaScript on or off. */
    public BrowserContext newContext(TestApp app, boolean javaScript) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(app.url(""))
                .setJavaScriptEnabled(javaScript)
                .setLocale("en-GB")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        return context;
    }

    /** A page in a fresh profile, with its console and CSP reports watched. */
    public Watched newPage(TestApp app) {
        Page page = newContext(app, true).newPage();
        return new Watched(page, PageProblems.watch(page));
    }

    /** A page with the console, page errors and CSP violations it has reported. */
    public record Watched(Page page, PageProblems problems) implements AutoCloseable {
        @Override
        public void close() {
            page.context().close();
        }
    }
}
