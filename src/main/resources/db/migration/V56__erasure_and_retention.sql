-- An erased person keeps a directory entry that says nothing about them (name "Erased person",
-- sector and place only), so everything that counts them still adds up; erased_at marks it.
ALTER TABLE people ADD COLUMN erased_at timestamptz;
-- Retention warns an inactive account before erasing it; a sign-in after the warning cancels it.
ALTER TABLE accounts ADD COLUMN retention_warned_at timestamptz;
