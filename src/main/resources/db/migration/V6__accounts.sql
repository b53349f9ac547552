-- Sign-in accounts. Roles: admin, programme_lead, facilitator, participant, sponsor.
CREATE TABLE accounts (
    id            bigserial PRIMARY KEY,
    email         text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    password_hash text,
    roles         text[] NOT NULL DEFAULT '{participant}',
    person_id     bigint UNIQUE REFERENCES people (id) ON DELETE SET NULL,
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active', 'disabled')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz,
    CHECK (roles <@ ARRAY['admin', 'programme_lead', 'facilitator', 'participant', 'sponsor']::text[])
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email));
