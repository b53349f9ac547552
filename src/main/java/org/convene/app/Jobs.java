package org.convene.app;

import com.github.kagkarlsson.scheduler.Scheduler;
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

/**
 * The background schedule, in one place. db-scheduler keeps it in PostgreSQL, so each run happens
 * once across all app instances and a run cut short by a crash is picked up again.
 */
public final class Jobs implements AutoCloseable {
    private final Scheduler scheduler;

    public Jobs(DataSource dataSource, OutboxDelivery outbox, Sessions sessions, LoginThrottle throttle, RateLimits limits, Distribution surveys, Rounds matching,
                Notifications notifications, Digests digests, Reminders reminders, org.convene.impact.Impact impact) {
        List<RecurringTask<Void>> tasks = List.of(
                Tasks.recurring("deliver-outbox", FixedDelay.ofSeconds(5))
                        .execute((instance, ctx) -> outbox.deliverDue(200)),
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
                Tasks.recurring("purge-sessions", FixedDelay.ofHours(1))
                        .execute((instance, ctx) -> {
                            sessions.purgeExpired();
                            throttle.purgeOld();
                            limits.purgeOld();
                        }));
        this.scheduler = Scheduler.create(dataSource)
                .startTasks(tasks)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(2))
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    public void start() {
        scheduler.start();
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
