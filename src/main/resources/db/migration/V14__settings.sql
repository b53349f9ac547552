-- Site-wide settings an administrator changes at run time.
CREATE TABLE settings (
    name  text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO settings (name, value) VALUES ('registration', 'invite_only');
