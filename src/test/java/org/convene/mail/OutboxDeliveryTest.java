package org.convene.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.convene.app.Config;
import org.convene.db.Database;
import org.convene.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delivery from the outbox, on a database with every migration but no running app: the app's own
 * delivery job would otherwise race the delivery under test for the same rows.
 */
@Tag("db")
class OutboxDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static Config.Smtp smtp() {
        return new Config.Smtp("localhost", SMTP.getSmtp().getPort(), "", "", "Convene <no-reply@test.example>", false);
    }

    @Test
    void queuedEmailIsSentOnceAfterCommit() throws Exception {
        try (Database db = Database.open(TestDatabase.get().fresh())) {
            db.jdbi().useTransaction(h -> Outbox.enqueue(h, "someone@test.example", "Hello", "A message with ünïcödé"));
            db.jdbi().useTransaction(h -> {
                Outbox.enqueue(h, "rolled-back@test.example", "Never", "This transaction fails");
                h.rollback();
            });
            OutboxDelivery delivery = new OutboxDelivery(db.jdbi(), new SmtpMailSender(smtp()));
            assertThat(delivery.deliverDue(10)).isEqualTo(1);
            assertThat(delivery.deliverDue(10)).isZero();
            MimeMessage[] received = SMTP.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Hello");
            assertThat(GreenMailUtil.getBody(received[0])).contains("=C3=BCn=C3=AF");
        }
    }

    /**
     * The one way a message goes out twice: the process dies after the SMTP server accepted it and
     * before the outbox committed. Simulated by an error thrown right after the real send, which
     * rolls the claim back as a crash would; the copy sent again has the same Message-ID.
     */
    @Test
    void aCopySentAgainAfterACrashCarriesTheSameMessageId() throws Exception {
        try (Database db = Database.open(TestDatabase.get().fresh())) {
            long id = db.jdbi().inTransaction(h -> Outbox.enqueue(h, "twice@test.example", "Once more", "Body"));
            String messageId = db.jdbi().withHandle(h -> h.createQuery("SELECT message_id::text FROM outbox WHERE id = :id")
                    .bind("id", id).mapTo(String.class).one());
            SmtpMailSender smtp = new SmtpMailSender(smtp());
            OutboxDelivery dying = new OutboxDelivery(db.jdbi(), new MailSender() {
                @Override
                public void send(Email email) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void send(Email email, String id) throws Exception {
                    smtp.send(email, id);
                    throw new Error("the process died before the outbox committed");
                }
            });
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> dying.deliverDue(10)).isInstanceOf(Error.class);
            assertThat(new OutboxDelivery(db.jdbi(), smtp).deliverDue(10)).isEqualTo(1);

            MimeMessage[] received = SMTP.getReceivedMessages();
            assertThat(received).hasSize(2);
            assertThat(received[0].getMessageID()).isEqualTo("<" + messageId + "@test.example>")
                    .isEqualTo(received[1].getMessageID());
        }
    }

    /** Two instances delivering from one outbox at once: every message reaches the SMTP server exactly once. */
    @Test
    void twoInstancesDeliverEachMessageExactlyOnce() throws Exception {
        org.convene.app.Config config = TestDatabase.get().fresh();
        int messages = 120;
        try (Database first = Database.open(config); Database second = Database.open(config)) {
            first.jdbi().useTransaction(h -> {
                for (int i = 0; i < messages; i++) {
                    Outbox.enqueue(h, "person" + i + "@test.example", "Message " + i, "Body " + i);
                }
            });
            java.util.concurrent.ExecutorService instances = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                var a = instances.submit(() -> {
                    together.await();
                    return new OutboxDelivery(first.jdbi(), new SmtpMailSender(smtp())).deliverDue(messages);
                });
                var b = instances.submit(() -> {
                    together.await();
                    return new OutboxDelivery(second.jdbi(), new SmtpMailSender(smtp())).deliverDue(messages);
                });
                assertThat(a.get() + b.get()).isEqualTo(messages);
                assertThat(a.get()).as("both instances delivered").isPositive();
                assertThat(b.get()).as("both instances delivered").isPositive();
            } finally {
                instances.shutdownNow();
            }
            MimeMessage[] received = SMTP.getReceivedMessages();
            assertThat(received).hasSize(messages);
            java.util.Set<String> subjects = new java.util.HashSet<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (MimeMessage m : received) {
                subjects.add(m.getSubject());
                ids.add(m.getMessageID());
            }
            assertThat(subjects).hasSize(messages);
            assertThat(ids).hasSize(messages);
            int unsentOrRetried = first.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL OR attempts <> 1")
                    .mapTo(Integer.class).one());
            assertThat(unsentOrRetried).isZero();
        }
    }

    @Test
    void anAttachmentTravelsAsItsOwnPart() throws Exception {
        try (Database db = Database.open(TestDatabase.get().fresh())) {
            String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
            db.jdbi().useTransaction(h -> Outbox.enqueue(h, new Email("pair@test.example", "Meet Sam", "Hello",
                    new Email.Attachment("meeting.ics", "text/calendar; method=PUBLISH", ics))));
            assertThat(new OutboxDelivery(db.jdbi(), new SmtpMailSender(smtp())).deliverDue(10)).isEqualTo(1);
            MimeMessage received = SMTP.getReceivedMessages()[0];
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) received.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).getContent().toString()).contains("Hello");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/calendar");
            assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("meeting.ics");
            assertThat(new String(parts.getBodyPart(1).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("BEGIN:VCALENDAR");
        }
    }

    @Test
    void aFailedSendIsRetriedLaterWithTheErrorKept() {
        try (Database db = Database.open(TestDatabase.get().fresh())) {
            db.jdbi().useTransaction(h -> Outbox.enqueue(h, "someone@test.example", "Hello", "Body"));
            OutboxDelivery failing = new OutboxDelivery(db.jdbi(), email -> {
                throw new IllegalStateException("SMTP server said no");
            });
            assertThat(failing.deliverDue(10)).isZero();
            Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery("SELECT attempts, last_error, sent_at, send_after > now() AS later FROM outbox")
                    .mapToMap().one());
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat(row.get("last_error")).isEqualTo("SMTP server said no");
            assertThat(row.get("sent_at")).isNull();
            assertThat(row.get("later")).isEqualTo(true);
        }
    }
}
