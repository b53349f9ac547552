-- Each queued email gets its Message-ID when it is queued, and every attempt to send it uses that
-- same ID. A crash after the SMTP server accepted a message but before the outbox recorded it as
-- sent makes Convene send it again; with one Message-ID, mail systems and readers can tell the
-- second copy is the same message.
ALTER TABLE outbox ADD COLUMN message_id uuid NOT NULL DEFAULT gen_random_uuid();
