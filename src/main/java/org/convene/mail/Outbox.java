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
        return enqueue(h, new Email(recipient, subject, body));
    }

    public static long enqueue(Handle h, Email email) {
        Email.Attachment a = email.attachment();
        return h.createUpdate("INSERT INTO outbox (recipient, subject, body, attachment_name, attachment_type, attachment) "
                        + "VALUES (:to, :subject, :body, :name, :type, :content)")
                .bind("to", email.recipient())
                .bind("subject", email.subject())
                .bind("body", email.body())
                .bind("name", a == null ? null : a.name())
                .bind("type", a == null ? null : a.type())
                .bind("content", a == null ? null : a.content())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Queues many emails with one batched statement, in the caller's transaction. */
    public static void enqueueAll(Handle h, java.util.List<Email> emails) {
        if (emails.isEmpty()) {
            return;
        }
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("INSERT INTO outbox (recipient, subject, body, "
                + "attachment_name, attachment_type, attachment) VALUES (:to, :subject, :body, :name, :type, :content)");
        for (Email email : emails) {
            Email.Attachment a = email.attachment();
            batch.bind("to", email.recipient()).bind("subject", email.subject()).bind("body", email.body())
                    .bind("name", a == null ? null : a.name()).bind("type", a == null ? null : a.type())
                    .bind("content", a == null ? null : a.content()).add();
        }
        batch.execute();
    }
}
