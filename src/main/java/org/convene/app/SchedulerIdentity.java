package org.convene.app;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The name an instance's scheduler writes on the background runs it holds: host, process id,
 * process start time and a random tag, as in {@code ward-7#4182@1767225600000/3fa9}. Names are
 * unique per scheduler (two instances in one process get different tags) and say enough for an
 * instance starting on the same host to tell that the holder of a run is gone: its process no
 * longer exists, or that process id now belongs to a process started at another time. Such runs
 * are handed back to the schedule at once instead of after the heartbeat timeout.
 *
 * <p>Instances on one PostgreSQL must have distinct host names, as containers and machines have
 * by default; an instance on another host is only ever taken over through its heartbeat.
 */
final class SchedulerIdentity {
    private final String host;
    private final long pid;
    private final long started;
    private final String name;

    private SchedulerIdentity(String host, long pid, long started, String tag) {
        this.host = host;
        this.pid = pid;
        this.started = started;
        this.name = host + "#" + pid + "@" + started + "/" + tag;
    }

    static SchedulerIdentity ofThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new SchedulerIdentity(hostName(), self.pid(), startedMillis(self).orElse(0L),
                Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)));
    }

    String name() {
        return name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private static Optional<Long> startedMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    /**
     * Whether a name written by a scheduler on this host belongs to a process that has ended.
     * Names from other hosts, and names this class did not write, are never judged dead.
     */
    boolean deadOnThisHost(String holder) {
        if (holder == null || !holder.startsWith(host + "#")) {
            return false;
        }
        String rest = holder.substring(host.length() + 1);
        int at = rest.indexOf('@');
        int slash = rest.indexOf('/', Math.max(at, 0));
        if (at < 0 || slash < 0) {
            return false;
        }
        long holderPid;
        long holderStarted;
        try {
            holderPid = Long.parseLong(rest.substring(0, at));
            holderStarted = Long.parseLong(rest.substring(at + 1, slash));
        } catch (NumberFormatException e) {
            return false;
        }
        if (holderPid == pid && holderStarted == started) {
            return false; // this process: another instance in it, alive
        }
        Optional<ProcessHandle> process = ProcessHandle.of(holderPid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        Optional<Long> processStarted = startedMillis(process.get());
        return holderStarted != 0 && processStarted.isPresent() && processStarted.get() != holderStarted;
    }

    /** Hands the runs held by dead schedulers on this host back to the schedule, due now; returns how many. */
    int releaseRunsOfDeadPredecessors(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            List<String[]> dead = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT task_name, task_instance, picked_by FROM scheduled_tasks "
                    + "WHERE picked AND picked_by LIKE ? ESCAPE '\\'")) {
                select.setString(1, host.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "#%");
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (deadOnThisHost(rs.getString(3))) {
                            dead.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                        }
                    }
                }
            }
            int released = 0;
            try (PreparedStatement release = c.prepareStatement("UPDATE scheduled_tasks SET picked = false, picked_by = NULL, "
                    + "last_heartbeat = NULL, execution_time = now(), version = version + 1 "
                    + "WHERE task_name = ? AND task_instance = ? AND picked AND picked_by = ?")) {
                for (String[] run : dead) {
                    release.setString(1, run[0]);
                    release.setString(2, run[1]);
                    release.setString(3, run[2]);
                    released += release.executeUpdate();
                }
            }
            return released;
        } catch (SQLException e) {
            // Not fatal: db-scheduler takes the runs over when their heartbeat times out.
            org.slf4j.LoggerFactory.getLogger(SchedulerIdentity.class).warn("Could not check for background runs held by "
                    + "an instance that ended: {}", e.getMessage());
            return 0;
        }
    }
}
