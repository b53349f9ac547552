package org.convene.mail;

import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.convene.app.Config;

/** Sends mail through the SMTP server named by the CONVENE_SMTP_* settings, over one connection kept between messages. */
public final class SmtpMailSender implements MailSender {
    private static final java.time.Duration IDLE = java.time.Duration.ofSeconds(30);
    private final Session session;
    private final InternetAddress from;
    /** The open connection to the SMTP server, kept between messages; null when there is none. */
    private Transport transport;
    private long lastUsed;

    public SmtpMailSender(Config.Smtp smtp) {
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        boolean auth = !smtp.user().isBlank();
        props.put("mail.smtp.auth", String.valueOf(auth));
        this.session = auth
                ? Session.getInstance(props, new jakarta.mail.Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(smtp.user(), smtp.password());
                    }
                })
                : Session.getInstance(props);
        try {
            this.from = new InternetAddress(smtp.from());
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("CONVENE_SMTP_FROM is not an email address: " + smtp.from(), e);
        }
    }

    @Override
    public void send(Email email) throws Exception {
        send(email, null);
    }

    /** Sends with this Message-ID (a bare ID such as a UUID, or null to let the mail library make one). */
    @Override
    public void send(Email email, String messageId) throws Exception {
        String header = messageId == null ? null : "<" + messageId + "@" + domain() + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                if (header == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", header);
                }
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.recipient(), true));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        if (email.attachment() == null) {
            message.setText(email.body(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.body(), StandardCharsets.UTF_8.name());
            MimeBodyPart file = new MimeBodyPart();
            Email.Attachment a = email.attachment();
            file.setContent(a.content(), a.type() + "; charset=UTF-8");
            file.setFileName(a.name());
            message.setContent(new MimeMultipart(text, file));
        }
        message.saveChanges();
        deliver(message);
    }

    /**
     * Sends over the connection kept from the previous message, if the server still answers on it
     * (a NOOP tells), else over a new one: a batch of invitations then costs one connection, one
     * TLS handshake and one login, not one per message. A connection idle for {@link #IDLE} is
     * not trusted and is replaced. A failed send closes the connection and is not retried here:
     * the server may have taken the message, and the outbox retries it later.
     */
    private synchronized void deliver(MimeMessage message) throws jakarta.mail.MessagingException {
        if (transport != null && (System.nanoTime() - lastUsed > IDLE.toNanos() || !transport.isConnected())) {
            closeConnection();
        }
        if (transport == null) {
            Transport fresh = session.getTransport("smtp");
            fresh.connect();
            transport = fresh;
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            lastUsed = System.nanoTime();
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            closeConnection();
            throw e;
        }
    }

    private void closeConnection() {
        Transport open = transport;
        transport = null;
        try {
            open.close();
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            // already gone
        }
    }

    /** The sender's mail domain, the right-hand side of every Message-ID. */
    private String domain() {
        String address = from.getAddress();
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? "convene.invalid" : address.substring(at + 1);
    }
}
