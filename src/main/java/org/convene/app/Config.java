package org.convene.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Convene reads from its environment, with the defaults a newcomer gets.
 * The README lists each variable; keep the two in step.
 */
public record Config(
        int port,
        Path dataDir,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        int databasePoolSize,
        String adminEmail,
        Optional<String> adminPassword,
        String baseUrl,
        boolean secureCookies,
        Smtp smtp,
        String logFormat,
        boolean runJobs,
        Sso sso,
        boolean trustProxy) {

    /** The settings without {@code trustProxy}: proxy headers are not trusted. */
    public Config(int port, Path dataDir, Optional<String> databaseUrl, String databaseUser, String databasePassword,
                  int databasePoolSize, String adminEmail, Optional<String> adminPassword, String baseUrl, boolean secureCookies,
                  Smtp smtp, String logFormat, boolean runJobs, Sso sso) {
        this(port, dataDir, databaseUrl, databaseUser, databasePassword, databasePoolSize, adminEmail, adminPassword, baseUrl,
                secureCookies, smtp, logFormat, runJobs, sso, false);
    }

    /** The settings without single sign-on or {@code trustProxy}. */
    public Config(int port, Path dataDir, Optional<String> databaseUrl, String databaseUser, String databasePassword,
                  int databasePoolSize, String adminEmail, Optional<String> adminPassword, String baseUrl, boolean secureCookies,
                  Smtp smtp, String logFormat, boolean runJobs) {
        this(port, dataDir, databaseUrl, databaseUser, databasePassword, databasePoolSize, adminEmail, adminPassword, baseUrl,
                secureCookies, smtp, logFormat, runJobs, Sso.OFF, false);
    }

    /** SMTP settings; when host is empty, mail is written to the log instead of sent. */
    public record Smtp(String host, int port, String user, String password, String from, boolean startTls) {
        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * Single sign-on with one OpenID Connect provider, beside password sign-in. Off unless the
     * discovery address and the client id are both set. {@code trustEmail} accepts the email claim
     * without {@code email_verified=true} (for providers such as Microsoft Entra ID that leave it
     * out); {@code createAccounts} lets a first sign-in with an unknown verified email create a
     * participant account (off: only existing accounts are linked).
     */
    public record Sso(String discoveryUri, String clientId, String clientSecret, String name, String scopes,
                      String emailClaim, boolean trustEmail, boolean createAccounts) {
        public static final String WELL_KNOWN = "/.well-known/openid-configuration";
        public static final Sso OFF = new Sso("", "", "", "", "", "", false, false);

        public boolean configured() {
            return !discoveryUri.isBlank() && !clientId.isBlank();
        }

        static Sso from(Map<String, String> env) {
            String discovery = value(env, "CONVENE_SSO_DISCOVERY_URI", "");
            if (!discovery.isEmpty() && !discovery.endsWith(WELL_KNOWN)) {
                discovery = stripTrailingSlash(discovery) + WELL_KNOWN;
            }
            return new Sso(discovery,
                    value(env, "CONVENE_SSO_CLIENT_ID", ""),
                    value(env, "CONVENE_SSO_CLIENT_SECRET", ""),
                    value(env, "CONVENE_SSO_NAME", "your work account"),
                    value(env, "CONVENE_SSO_SCOPES", "openid email profile"),
                    value(env, "CONVENE_SSO_EMAIL_CLAIM", "email"),
                    Boolean.parseBoolean(value(env, "CONVENE_SSO_TRUST_EMAIL", "false")),
                    Boolean.parseBoolean(value(env, "CONVENE_SSO_CREATE_ACCOUNTS", "false")));
        }
    }

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        int port = intValue(env, "CONVENE_PORT", 7070);
        String baseUrl = value(env, "CONVENE_BASE_URL", "http://localhost:" + port);
        return new Config(
                port,
                Path.of(value(env, "CONVENE_DATA_DIR", "./convene-data")),
                optional(env, "CONVENE_DATABASE_URL"),
                value(env, "CONVENE_DATABASE_USER", "postgres"),
                value(env, "CONVENE_DATABASE_PASSWORD", ""),
                intValue(env, "CONVENE_DATABASE_POOL_SIZE", 10),
                value(env, "CONVENE_ADMIN_EMAIL", "admin@convene.example"),
                optional(env, "CONVENE_ADMIN_PASSWORD"),
                stripTrailingSlash(baseUrl),
                Boolean.parseBoolean(value(env, "CONVENE_SECURE_COOKIES", String.valueOf(baseUrl.startsWith("https://")))),
                new Smtp(
                        value(env, "CONVENE_SMTP_HOST", ""),
                        intValue(env, "CONVENE_SMTP_PORT", 587),
                        value(env, "CONVENE_SMTP_USER", ""),
                        value(env, "CONVENE_SMTP_PASSWORD", ""),
                        value(env, "CONVENE_SMTP_FROM", "Convene <no-reply@convene.example>"),
                        Boolean.parseBoolean(value(env, "CONVENE_SMTP_STARTTLS", "true"))),
                value(env, "CONVENE_LOG_FORMAT", "text"),
                Boolean.parseBoolean(value(env, "CONVENE_JOBS", "true")),
                Sso.from(env),
                Boolean.parseBoolean(value(env, "CONVENE_TRUST_PROXY", "false")));
    }

    public Config withDatabase(String url, String user, String password) {
        return new Config(port, dataDir, Optional.of(url), user, password, databasePoolSize,
                adminEmail, adminPassword, baseUrl, secureCookies, smtp, logFormat, runJobs, sso, trustProxy);
    }

    /** The same settings for an instance that serves pages and the API but runs no background work. */
    public Config withoutJobs() {
        return new Config(port, dataDir, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                adminEmail, adminPassword, baseUrl, secureCookies, smtp, logFormat, false, sso, trustProxy);
    }

    /** The same settings on a fixed port, with the address people reach it at (e.g. for a sign-in provider's callback). */
    public Config withPort(int port, String baseUrl) {
        return new Config(port, dataDir, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                adminEmail, adminPassword, stripTrailingSlash(baseUrl), secureCookies, smtp, logFormat, runJobs, sso, trustProxy);
    }

    /** The same settings with this single sign-on provider. */
    public Config withSso(Sso sso) {
        return new Config(port, dataDir, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                adminEmail, adminPassword, baseUrl, secureCookies, smtp, logFormat, runJobs, sso, trustProxy);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
