-- Failed sign-ins, counted across all instances to slow down password guessing.
CREATE TABLE login_attempts (
    id           bigserial PRIMARY KEY,
    email        text NOT NULL,
    ip           text NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON login_attempts (lower(email), attempted_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at);
