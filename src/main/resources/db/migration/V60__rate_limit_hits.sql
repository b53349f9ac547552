-- Requests counted against a rate limit (creating API tokens, asking for password resets, registering,
-- failed API token sign-ins), shared by every app instance so a limit holds across all of them.
CREATE TABLE rate_limit_hits (
    id      bigserial PRIMARY KEY,
    bucket  text NOT NULL,
    key     text NOT NULL,
    hit_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rate_limit_hits_key_idx ON rate_limit_hits (bucket, key, hit_at);
CREATE INDEX rate_limit_hits_at_idx ON rate_limit_hits (hit_at);
