package org.convene.mail;

import org.jdbi.v3.core.Handle;

/**
 * Queues an email in the caller's transaction. It is sent by {@link OutboxDelivery} only once the
 * transaction has committed, and survives a crash in between.
 */
public final class Outbox {
    private Outbox() {
    }

    public static long enqueue(Handle h, String recipient, String subject, String body) {
        return h.createUpdate("INSERT INTO outbox (recipient, subject, body) VALUES (:to, :subject, :body)")
                .bind("to", recipient)
                .bind("subject", subject)
                .bind("body", body)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }
}
