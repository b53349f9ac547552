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
        boolean trustProxy) {

    /** The settings without {@code trustProxy}: proxy headers are not trusted. */
    public Config(int port, Path dataDir, Optional<String> databaseUrl, String databaseUser, String databasePassword,
                  int databasePoolSize, String adminEmail, Optional<String> adminPassword, String baseUrl, boolean secureCookies,
                  Smtp smtp, String logFormat, boolean runJobs) {
        this(port, dataDir, databaseUrl, databaseUser, databasePassword, databasePoolSize, adminEmail, adminPassword, baseUrl,
                secureCookies, smtp, logFormat, runJobs, false);
    }

    /** SMTP settings; when host is empty, mail is written to the log instead of sent. */
    public record Smtp(String host, int port, String user, String password, String from, boolean startTls) {
        public boolean configured() {
            return host != null && !host.isBlank();
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
                Boolean.parseBoolean(value(env, "CONVENE_TRUST_PROXY", "false")));
    }

    public Config withDatabase(String url, String user, String password) {
        return new Config(port, dataDir, Optional.of(url), user, password, databasePoolSize,
                adminEmail, adminPassword, baseUrl, secureCookies, smtp, logFormat, runJobs, trustProxy);
    }

    /** The same settings for an instance that serves pages and the API but runs no background work. */
    public Config withoutJobs() {
        return new Config(port, dataDir, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                adminEmail, adminPassword, baseUrl, secureCookies, smtp, logFormat, false, trustProxy);
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
