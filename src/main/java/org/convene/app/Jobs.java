package org.convene.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.convene.accounts.LoginThrottle;
import org.convene.accounts.RateLimits;
import org.convene.accounts.Sessions;
import org.convene.events.Reminders;
import org.convene.mail.OutboxDelivery;
import org.convene.notifications.Digests;
import org.convene.notifications.Notifications;
import org.convene.schemes.Rounds;
import org.convene.surveys.Distribution;
import org.slf4j.LoggerFactory;

/**
 * The background schedule, in one place. db-scheduler keeps it in PostgreSQL, so each run happens
 * once across all app instances and a run cut short by a crash is picked up again.
 *
 * <p>A run held by an instance that died is taken over by another once its heartbeat has been
 * silent for a minute ({@link #HEARTBEAT} times {@link #MISSED_HEARTBEATS}); db-scheduler's default
 * was half an hour, during which no email went out after a crash. A restarted instance does not
 * wait even that long for runs its dead predecessor on the same machine held: see
 * {@link SchedulerIdentity}. Taking a run over early is safe, because every job claims its own
 * work row by row (FOR UPDATE SKIP LOCKED, unique keys) and would be safe on two instances at once.
 */
public final class Jobs implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final int MISSED_HEARTBEATS = 6;
    private final Scheduler scheduler;
    private final DataSource dataSource;
    private final SchedulerIdentity identity = SchedulerIdentity.ofThisProcess();

    public Jobs(DataSource dataSource, OutboxDelivery outbox, Sessions sessions, LoginThrottle throttle, RateLimits limits, Distribution surveys,
                Rounds matching, Notifications notifications, Digests digests, Reminders reminders, org.convene.impact.Impact impact,
                org.convene.privacy.Retention retention) {
        List<RecurringTask<Void>> tasks = List.of(
                Tasks.recurring("deliver-outbox", FixedDelay.ofSeconds(5))
                        .execute((instance, ctx) -> outbox.drain(Duration.ofSeconds(50))),
                Tasks.recurring("notify", FixedDelay.ofSeconds(5))
                        .execute((instance, ctx) -> notifications.fanOutDue(500)),
                Tasks.recurring("digests", FixedDelay.ofMinutes(15))
                        .execute((instance, ctx) -> digests.runDue(java.time.Instant.now())),
                Tasks.recurring("survey-distribution", FixedDelay.ofSeconds(30))
                        .execute((instance, ctx) -> surveys.run()),
                Tasks.recurring("matching-rounds", FixedDelay.ofSeconds(60))
                        .execute((instance, ctx) -> matching.runDue()),
                Tasks.recurring("event-reminders", FixedDelay.ofSeconds(60))
                        .execute((instance, ctx) -> reminders.sendDue()),
                Tasks.recurring("impact-snapshots", FixedDelay.ofSeconds(60))
                        .execute((instance, ctx) -> impact.refreshDue()),
                Tasks.recurring("retention", FixedDelay.ofHours(24))
                        .execute((instance, ctx) -> retention.run()),
                Tasks.recurring("purge-sessions", FixedDelay.ofHours(1))
                        .execute((instance, ctx) -> {
                            sessions.purgeExpired();
                            throttle.purgeOld();
                            limits.purgeOld();
                        }));
        this.dataSource = dataSource;
        this.scheduler = Scheduler.create(dataSource)
                .startTasks(tasks)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(2))
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .schedulerName(new SchedulerName.Fixed(identity.name()))
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    public void start() {
        int released = identity.releaseRunsOfDeadPredecessors(dataSource);
        if (released > 0) {
            LoggerFactory.getLogger(Jobs.class).warn("Took over {} background run(s) held by a Convene on this machine that "
                    + "ended without shutting down", released);
        }
        scheduler.start();
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
