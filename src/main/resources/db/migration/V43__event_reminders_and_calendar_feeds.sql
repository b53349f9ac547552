-- Reminders before an event: the event says how many hours before it starts its confirmed
-- registrants are reminded (1 to 168; NULL: no reminder). A registration's one reminder is
-- claimed (reminded_at set) in the same transaction that queues its email in the outbox, so it is
-- sent exactly once however many instances run the job, and a crash before commit loses nothing.
ALTER TABLE events ADD COLUMN reminder_hours smallint DEFAULT 24 CHECK (reminder_hours BETWEEN 1 AND 168);
ALTER TABLE registrations ADD COLUMN reminded_at timestamptz;
CREATE INDEX registrations_unreminded_idx ON registrations (event_id) WHERE status = 'confirmed' AND reminded_at IS NULL;

-- Personal calendar feeds: a private address per person that calendar apps subscribe to. The
-- address is the person's id signed with the installation's link secret and this nonce, so the
-- address itself is never stored; a new nonce (a reset) makes every earlier address stop working.
CREATE TABLE calendar_feeds (
    person_id  bigint PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    nonce      text NOT NULL CHECK (length(nonce) BETWEEN 16 AND 100),
    created_at timestamptz NOT NULL DEFAULT now()
);
