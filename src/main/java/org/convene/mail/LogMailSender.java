package org.convene.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Used when no SMTP server is configured (a pilot on a laptop): the email is written to the log. */
public final class LogMailSender implements MailSender {
    private static final Logger log = LoggerFactory.getLogger("convene.mail");

    @Override
    public void send(Email email) {
        log.info("Email (SMTP not configured) to {}: {}{}\n{}", email.recipient(), email.subject(),
                email.attachment() == null ? "" : " [attachment " + email.attachment().name() + "]", email.body());
    }
}
