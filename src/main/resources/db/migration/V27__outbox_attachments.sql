-- Emails may carry one attachment (a calendar invitation).
ALTER TABLE outbox
    ADD COLUMN attachment_name text,
    ADD COLUMN attachment_type text,
    ADD COLUMN attachment      text,
    ADD CONSTRAINT outbox_attachment_complete
        CHECK ((attachment IS NULL) = (attachment_name IS NULL) AND (attachment IS NULL) = (attachment_type IS NULL));
