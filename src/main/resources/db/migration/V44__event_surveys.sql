-- A follow-up survey for an event, in the same survey engine as a cohort's surveys: a survey
-- belongs to a cohort or to an event (never both), and an event has at most one follow-up. It
-- opens when the event ends and invites the people who came (checked in; everyone confirmed when
-- nobody was checked in), with the engine's personal links, anonymity rule and results.
ALTER TABLE surveys ALTER COLUMN cohort_id DROP NOT NULL;
ALTER TABLE surveys ADD COLUMN event_id bigint REFERENCES events (id) ON DELETE CASCADE;
ALTER TABLE surveys DROP CONSTRAINT surveys_kind_check;
ALTER TABLE surveys ADD CONSTRAINT surveys_kind_check
    CHECK (kind IN ('module_feedback', 'baseline', 'end', 'custom', 'event_followup'));
ALTER TABLE surveys ADD CONSTRAINT surveys_owner_check CHECK ((cohort_id IS NULL) <> (event_id IS NULL));
ALTER TABLE surveys ADD CONSTRAINT surveys_event_kind_check CHECK ((kind = 'event_followup') = (event_id IS NOT NULL));
CREATE UNIQUE INDEX surveys_event_key ON surveys (event_id) WHERE event_id IS NOT NULL;
