package org.convene.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * Convene as a real server in its own JVM ({@code org.convene.Main serve}, the jar's entry point,
 * on the test class path), on an embedded database in a data folder, so a test can kill it with
 * SIGKILL as a crash would and start it again on the same folder. Its output goes to a log file
 * the test prints when something fails.
 */
public final class ServerProcess implements AutoCloseable {
    public static final String ADMIN_EMAIL = "admin@test.example";
    public static final String ADMIN_PASSWORD = "admin password 123";

    private final Path dataDir;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private final Process process;
    private com.zaxxer.hikari.HikariDataSource pool;
    private Jdbi jdbi;

    private ServerProcess(Path dataDir, int port, Map<String, String> environment, Path log, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.environment = environment;
        this.log = log;
        this.process = process;
    }

    /** A free TCP port, to keep one address across restarts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts Convene on this data folder and port, with these extra CONVENE_* settings; does not wait for it. */
    public static ServerProcess start(Path dataDir, int port, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("CONVENE_DATA_DIR", dataDir.toString());
        environment.put("CONVENE_PORT", String.valueOf(port));
        environment.put("CONVENE_BASE_URL", "http://localhost:" + port);
        environment.put("CONVENE_ADMIN_EMAIL", ADMIN_EMAIL);
        environment.put("CONVENE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.putIfAbsent("CONVENE_REQUEST_LOG_LEVEL", "WARN");
        try {
            Path log = Files.createTempFile(dataDir.getParent(), "convene-server-", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), "org.convene.Main", "serve"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("CONVENE_"));
            builder.environment().putAll(environment);
            return new ServerProcess(dataDir, port, environment, log, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a Convene server process", e);
        }
    }

    /** The same server started again on its folder and port, after this one has ended. */
    public ServerProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("The server is still running");
        }
        return start(dataDir, port, environment);
    }

    /** Waits until /health says ok; fails with the server's log if it does not within the time given. */
    public ServerProcess awaitHealthy(Duration within) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server ended with exit code " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/health")))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("The server was not healthy within " + within + ":\n" + log());
    }

    /** SIGKILL, as the kernel's out-of-memory killer or a pulled plug would end it: no shutdown hook runs. */
    public void kill() {
        closeDatabase();
        process.destroyForcibly();
        waitForExit();
    }

    /**
     * SIGKILL to the server and to its embedded PostgreSQL with every process of it, as when the
     * machine or the container dies: the database recovers from its write-ahead log at the next start.
     */
    public void killWithDatabase() {
        Optional<ProcessHandle> postmaster = postmaster();
        List<ProcessHandle> database = new ArrayList<>();
        postmaster.ifPresent(p -> {
            database.add(p);
            p.descendants().forEach(database::add);
        });
        closeDatabase();
        process.destroyForcibly();
        database.forEach(ProcessHandle::destroyForcibly);
        waitForExit();
        database.forEach(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }

    /** SIGTERM: the graceful shutdown a service manager asks for. */
    public void stop() {
        closeDatabase();
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public int port() {
        return port;
    }

    /** The running embedded PostgreSQL's process, from its postmaster.pid. */
    public Optional<ProcessHandle> postmaster() {
        return pidFileLine(0).flatMap(pid -> ProcessHandle.of(Long.parseLong(pid))).filter(ProcessHandle::isAlive);
    }

    /**
     * The embedded database this server runs (its port changes with every start), through a small
     * pool of the test's own, closed when the server ends.
     */
    public synchronized Jdbi database() {
        if (pool == null) {
            String databasePort = pidFileLine(3).orElseThrow(() -> new IllegalStateException("The embedded database is not running"));
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl("jdbc:postgresql://localhost:" + databasePort + "/postgres");
            config.setUsername("postgres");
            config.setMaximumPoolSize(3);
            config.setMinimumIdle(0);
            config.setPoolName("test-of-server-process");
            pool = new com.zaxxer.hikari.HikariDataSource(config);
            jdbi = Jdbi.create(pool).installPlugin(new org.jdbi.v3.postgres.PostgresPlugin());
        }
        return jdbi;
    }

    private synchronized void closeDatabase() {
        if (pool != null) {
            pool.close();
            pool = null;
            jdbi = null;
        }
    }

    private Optional<String> pidFileLine(int index) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.size() > index ? Optional.of(lines.get(index).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What the server wrote (the last 20,000 characters). */
    public String log() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 20_000 ? text.substring(text.length() - 20_000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops a database server a killed server left running in the folder (a test's last clean-up;
     * never while a server on the folder runs).
     */
    public void stopDatabaseLeftBehind() {
        if (process.isAlive()) {
            throw new IllegalStateException("The server still runs");
        }
        postmaster().ifPresent(p -> {
            p.destroy();
            p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
        });
    }

    /** Stops the server gracefully if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
