package org.convene.db;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running in a data folder by a Convene that ended without shutting
 * down (killed, out of memory, power to its container cut). The embedded server runs as its own
 * process, so it outlives the app that started it; the next start would then fail, after a long
 * wait, because the folder's server is already running. Stopping it first ("fast": its sessions
 * are gone with the app, so nothing is waiting on it) lets the new start proceed. The folder lock
 * tells a leftover server from one a running Convene still owns, which is never touched.
 */
final class LeftoverServer {
    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
    /** The embedded server's lock file, held by the Convene process that owns the folder. */
    static final String LOCK_FILE = "epg-lock";
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private LeftoverServer() {
    }

    /**
     * Stops the server left running in {@code dir}, if any. Throws {@link DataFolderInUseException}
     * when a running Convene holds the folder.
     */
    static void stopIfLeftOver(Path dir) {
        Optional<ProcessHandle> server = runningServer(dir);
        if (server.isEmpty()) {
            return;
        }
        if (held(dir.resolve(LOCK_FILE))) {
            throw new DataFolderInUseException(dir.getParent() == null ? dir : dir.getParent());
        }
        ProcessHandle postmaster = server.get();
        log.warn("Stopping the PostgreSQL server (process {}) left running in {} by a Convene that did not shut down",
                postmaster.pid(), dir.toAbsolutePath());
        if (!fastShutdown(postmaster)) {
            postmaster.destroy(); // SIGTERM: a smart shutdown, which does not wait long once its sessions are gone
        }
        try {
            postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("The leftover PostgreSQL server did not stop within {} s; ending it", STOP_WAIT.toSeconds());
            postmaster.destroyForcibly(); // the next start recovers from the write-ahead log
            postmaster.onExit().join();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not wait for the leftover PostgreSQL server to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the leftover PostgreSQL server", e);
        }
    }

    /** The live postmaster named in the folder's postmaster.pid, if it is a PostgreSQL process. */
    static Optional<ProcessHandle> runningServer(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Could not read {}: {}", pidFile, e.getMessage());
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // A stale file after a reboot may name a process id now used by something else: leave that to PostgreSQL.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(false));
    }

    /** Whether another process (or this one) holds the folder's lock file. */
    private static boolean held(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw")) {
            FileLock lock = file.getChannel().tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            log.warn("Could not check the lock {}: {}", lockFile, e.getMessage());
            return true;
        }
    }

    /**
     * PostgreSQL's fast shutdown (SIGINT: roll back what is open, disconnect, checkpoint, exit),
     * sent with the system's kill command, which Java cannot send by itself. pg_ctl is not used:
     * it refuses to run as root, as many containers run. Returns false when the signal could not
     * be sent.
     */
    private static boolean fastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
