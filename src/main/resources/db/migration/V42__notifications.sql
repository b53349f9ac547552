-- Notifications. Writing a post, starting a discussion, creating an event or proposing an idea
-- records one activity in the writer's transaction; a background job fans each activity out to
-- the people it concerns (mentioned, following the discussion, members by their preference),
-- one notification per person and activity. Notifications are shown in the app, emailed at once
-- (mentions and replies, if the person wants that) or gathered into a daily or weekly digest.
-- Fan-out is serialised, so notification ids grow in commit order, and each person's digests
-- move a mark (digested_through) past what they carried: nothing is ever in two digests.
CREATE TABLE activities (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('discussion', 'reply', 'event', 'idea')),
    community_id  bigint REFERENCES communities (id) ON DELETE CASCADE,
    thread_id     bigint REFERENCES threads (id) ON DELETE CASCADE,
    post_id       bigint REFERENCES posts (id) ON DELETE CASCADE,
    event_id      bigint REFERENCES events (id) ON DELETE CASCADE,
    idea_id       bigint REFERENCES ideas (id) ON DELETE CASCADE,
    actor_id      bigint REFERENCES people (id) ON DELETE SET NULL,
    title         text NOT NULL,
    summary       text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    fanned_out_at timestamptz
);
CREATE INDEX activities_pending_idx ON activities (id) WHERE fanned_out_at IS NULL;

-- Who a post mentions (@Name), resolved among the community's members when it is written.
CREATE TABLE post_mentions (
    post_id   bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, person_id)
);

CREATE TABLE thread_follows (
    thread_id bigint NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    since     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (thread_id, person_id)
);
CREATE INDEX thread_follows_person_idx ON thread_follows (person_id);

-- A person's choices; no row means the defaults (a daily digest, mentions and replies at once).
CREATE TABLE notification_settings (
    person_id      bigint PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    digest         text NOT NULL DEFAULT 'daily' CHECK (digest IN ('off', 'daily', 'weekly')),
    instant        boolean NOT NULL DEFAULT true,
    last_digest_at timestamptz,
    -- The highest notification id already considered for a digest.
    digested_through bigint NOT NULL DEFAULT 0
);

-- Per community: every activity, the highlights (new discussions, events, ideas: the default),
-- only mentions and followed discussions, or nothing.
CREATE TABLE community_notification_levels (
    community_id bigint NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    person_id    bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    level        text NOT NULL CHECK (level IN ('all', 'highlights', 'mentions', 'off')),
    PRIMARY KEY (community_id, person_id)
);

CREATE TABLE digests (
    id         bigserial PRIMARY KEY,
    person_id  bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    items      integer NOT NULL,
    through_id bigint NOT NULL,
    sent_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX digests_person_idx ON digests (person_id, sent_at);

-- Notifications are written in bulk (one row per member of a community, for each new discussion),
-- so they carry no foreign keys: the per-row checks took 85 % of a 50,000-row fan-out. The
-- statement triggers below delete them with the person or the activity instead, and one row per
-- person and activity is kept by the fan-out (one statement per activity, claimed once).
CREATE TABLE notifications (
    id          bigserial PRIMARY KEY,
    person_id   bigint NOT NULL,
    activity_id bigint NOT NULL,
    reason      text NOT NULL CHECK (reason IN ('mention', 'reply', 'discussion', 'event', 'idea')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    emailed_at  timestamptz
);
CREATE INDEX notifications_person_idx ON notifications (person_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (person_id) WHERE read_at IS NULL;
CREATE INDEX notifications_activity_idx ON notifications (activity_id);

CREATE FUNCTION notifications_of_deleted_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM notifications n USING gone g WHERE n.person_id = g.id;
    RETURN NULL;
END $$;
CREATE TRIGGER people_notifications_deleted AFTER DELETE ON people
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION notifications_of_deleted_people();

CREATE FUNCTION notifications_of_deleted_activities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM notifications n USING gone g WHERE n.activity_id = g.id;
    RETURN NULL;
END $$;
CREATE TRIGGER activities_notifications_deleted AFTER DELETE ON activities
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION notifications_of_deleted_activities();
