package org.convene.mail;

import java.util.Objects;

/** One email: plain text, with at most one text attachment (such as a calendar invitation). */
public record Email(String recipient, String subject, String body, Attachment attachment) {
    public Email {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    public Email(String recipient, String subject, String body) {
        this(recipient, subject, body, null);
    }

    /** A text attachment; {@code type} is its MIME type, e.g. {@code text/calendar; method=REQUEST}. */
    public record Attachment(String name, String type, String content) {
        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(content, "content");
        }
    }
}
