package org.convene.mail;

/** Delivers one message; throws when delivery failed and should be retried. */
public interface MailSender {
    void send(Email email) throws Exception;

    /**
     * Delivers one message under a Message-ID fixed when it was queued, so that a copy sent again
     * after a crash carries the same ID. Senders that cannot set it send the message as it is.
     */
    default void send(Email email, String messageId) throws Exception {
        send(email);
    }
}
