-- Emails waiting to be sent. Written in the same transaction as the change that caused them and
-- delivered by a background job, so a crash loses nothing.
CREATE TABLE outbox (
    id          bigserial PRIMARY KEY,
    recipient   text NOT NULL,
    subject     text NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    send_after  timestamptz NOT NULL DEFAULT now(),
    attempts    int NOT NULL DEFAULT 0,
    last_error  text,
    sent_at     timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (send_after) WHERE sent_at IS NULL;
