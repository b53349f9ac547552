package org.convene.mail;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued emails. Rows are claimed with FOR UPDATE SKIP LOCKED so several instances can
 * deliver at once without sending a message twice; a failed message is retried with back-off
 * and given up after 10 attempts (its last error stays on the row).
 *
 * <p>Delivery is at least once. The row stays locked while the SMTP server takes the message and
 * is marked sent in the same transaction right after, so a message is sent again only if the
 * process or the database dies in the moment between the server's acceptance and that commit.
 * Every attempt carries the Message-ID the message was given when it was queued, so such a second
 * copy is recognisably the same message.
 */
public final class OutboxDelivery {
    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 200;
    private final Jdbi jdbi;
    private final MailSender sender;

    public OutboxDelivery(Jdbi jdbi, MailSender sender) {
        this.jdbi = jdbi;
        this.sender = sender;
    }

    private record Pending(long id, Email email, int attempts, String messageId) {
    }

    /**
     * Delivers due messages batch after batch until none is left, a batch sends nothing (the SMTP
     * server refuses everything: the back-off takes over) or the time is up; returns how many were
     * sent. The background job calls this, so a large batch (a round's introductions, a survey's
     * invitations) goes out in one run rather than 200 every few seconds.
     */
    public int drain(java.time.Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int sent = 0;
        int last;
        do {
            last = deliverDue(BATCH);
            sent += last;
        } while (last > 0 && System.nanoTime() < deadline);
        return sent;
    }

    /** Delivers up to {@code batch} due messages; returns how many were sent. */
    public int deliverDue(int batch) {
        int sent = 0;
        for (int i = 0; i < batch; i++) {
            Boolean delivered = jdbi.inTransaction(h -> {
                List<Pending> next = h.createQuery("SELECT id, recipient, subject, body, attempts, attachment_name, attachment_type, attachment, "
                                + "message_id::text FROM outbox "
                                + "WHERE sent_at IS NULL AND attempts < :max AND send_after <= now() "
                                + "ORDER BY send_after, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                        .bind("max", MAX_ATTEMPTS)
                        .map((rs, ctx) -> new Pending(rs.getLong(1), new Email(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(8) == null ? null : new Email.Attachment(rs.getString(6), rs.getString(7), rs.getString(8))),
                                rs.getInt(5), rs.getString(9)))
                        .list();
                if (next.isEmpty()) {
                    return null;
                }
                Pending p = next.get(0);
                try {
                    sender.send(p.email(), p.messageId());
                    h.createUpdate("UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = :id")
                            .bind("id", p.id()).execute();
                    return true;
                } catch (Exception e) {
                    long backoffSeconds = Math.min(3600, 30L << Math.min(p.attempts(), 7));
                    log.warn("Email {} to {} failed (attempt {}): {}", p.id(), p.email().recipient(), p.attempts() + 1, e.getMessage());
                    h.createUpdate("UPDATE outbox SET attempts = attempts + 1, last_error = :error, "
                                    + "send_after = now() + make_interval(secs => :backoff) WHERE id = :id")
                            .bind("error", String.valueOf(e.getMessage()))
                            .bind("backoff", (double) backoffSeconds)
                            .bind("id", p.id()).execute();
                    return false;
                }
            });
            if (delivered == null) {
                break;
            }
            if (delivered) {
                sent++;
            }
        }
        return sent;
    }
}
