-- Appreciative Inquiry session plans (Discover, Dream, Design, Deliver) for a group: for now an
-- action learning set; communities of practice join through another nullable reference.
CREATE TABLE inquiry_sessions (
    id                bigserial PRIMARY KEY,
    set_id            bigint REFERENCES learning_sets (id) ON DELETE CASCADE,
    title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    topic             text NOT NULL CHECK (length(topic) BETWEEN 1 AND 1000),
    held_on           date,
    discover_prompts  text NOT NULL DEFAULT '' CHECK (length(discover_prompts) <= 4000),
    discover_produced text NOT NULL DEFAULT '' CHECK (length(discover_produced) <= 4000),
    dream_prompts     text NOT NULL DEFAULT '' CHECK (length(dream_prompts) <= 4000),
    dream_produced    text NOT NULL DEFAULT '' CHECK (length(dream_produced) <= 4000),
    design_prompts    text NOT NULL DEFAULT '' CHECK (length(design_prompts) <= 4000),
    design_produced   text NOT NULL DEFAULT '' CHECK (length(design_produced) <= 4000),
    deliver_prompts   text NOT NULL DEFAULT '' CHECK (length(deliver_prompts) <= 4000),
    deliver_produced  text NOT NULL DEFAULT '' CHECK (length(deliver_produced) <= 4000),
    created_by        bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(set_id) = 1)
);
CREATE INDEX inquiry_sessions_set_idx ON inquiry_sessions (set_id, held_on);

-- Actions agreed in an inquiry's Deliver phase show on their owners' home pages too.
ALTER TABLE actions DROP CONSTRAINT actions_origin_check;
ALTER TABLE actions ADD CONSTRAINT actions_origin_check CHECK (origin IN ('set_meeting', 'coaching', 'inquiry'));
