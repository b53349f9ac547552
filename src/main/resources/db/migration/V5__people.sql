-- The directory. A person may or may not have an account; "listed" is their consent to appear
-- in the directory for other users.
CREATE TABLE people (
    id                 bigserial PRIMARY KEY,
    full_name          text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    email              text CHECK (email IS NULL OR length(email) <= 254),
    job_title          text NOT NULL DEFAULT '' CHECK (length(job_title) <= 200),
    profession         text NOT NULL DEFAULT '' CHECK (length(profession) <= 120),
    organisation_id    bigint REFERENCES organisations (id),
    sector_code        text NOT NULL REFERENCES sectors (code),
    place_id           bigint REFERENCES places (id),
    interests          text[] NOT NULL DEFAULT '{}',
    offers             text NOT NULL DEFAULT '' CHECK (length(offers) <= 2000),
    asks               text NOT NULL DEFAULT '' CHECK (length(asks) <= 2000),
    bio                text NOT NULL DEFAULT '' CHECK (length(bio) <= 4000),
    contact_preference text NOT NULL DEFAULT 'email'
        CHECK (contact_preference IN ('email', 'phone', 'video call', 'in person', 'no contact')),
    listed             boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    search             tsvector
);

CREATE UNIQUE INDEX people_email_key ON people (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX people_name_idx ON people (lower(full_name), id);
CREATE INDEX people_sector_idx ON people (sector_code);
CREATE INDEX people_place_idx ON people (place_id);
CREATE INDEX people_organisation_idx ON people (organisation_id);
CREATE INDEX people_interests_idx ON people USING gin (interests);
CREATE INDEX people_search_idx ON people USING gin (search);

-- Weighted full-text document: name first, then role and interests, then the longer texts.
-- The name is indexed unstemmed and stemmed, so an English-stemmed query finds "Jones" too.
CREATE FUNCTION people_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search :=
        setweight(to_tsvector('simple', coalesce(NEW.full_name, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(NEW.full_name, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(NEW.job_title, '') || ' ' || coalesce(NEW.profession, '')), 'B') ||
        setweight(to_tsvector('english', array_to_string(NEW.interests, ' ')), 'B') ||
        setweight(to_tsvector('english', coalesce(NEW.offers, '') || ' ' || coalesce(NEW.asks, '')), 'C') ||
        setweight(to_tsvector('english', coalesce(NEW.bio, '')), 'D');
    RETURN NEW;
END
$$;

CREATE TRIGGER people_search_document
    BEFORE INSERT OR UPDATE OF full_name, job_title, profession, interests, offers, asks, bio ON people
    FOR EACH ROW EXECUTE FUNCTION people_search_document();
