package org.convene.mail;

/** Delivers one message; throws when delivery failed and should be retried. */
public interface MailSender {
    void send(Email email) throws Exception;
}
