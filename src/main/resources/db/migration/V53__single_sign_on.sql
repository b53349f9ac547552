-- Single sign-on (OpenID Connect).
-- Which provider identity belongs to which account: linked at the first sign-in through the
-- provider (by verified email), matched by (issuer, subject) afterwards, so a later change of
-- email address at either end does not move the identity to someone else. One identity per
-- provider per account.
CREATE TABLE account_identities (
    issuer        text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
    subject       text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    account_id    bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    email         text NOT NULL CHECK (length(email) <= 254),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject),
    UNIQUE (account_id, issuer)
);

-- Sign-ins in progress, shared by every app instance: the OIDC state (as a hash), the nonce and
-- the PKCE code verifier, bound to the browser that started them (a hash of its cookie). A row
-- is used once (deleted when the provider sends the browser back) and lives ten minutes at most.
CREATE TABLE sso_sign_ins (
    state_hash    bytea PRIMARY KEY,
    browser_hash  bytea NOT NULL,
    nonce         text,
    code_verifier text,
    next_path     text NOT NULL CHECK (length(next_path) <= 500),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX sso_sign_ins_expires ON sso_sign_ins (expires_at);
