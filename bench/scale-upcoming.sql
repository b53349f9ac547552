-- Region scale: the generated activity is history (every event is over), but a region's events
-- page lists what is coming. This moves the events of the last eight weeks eight weeks forward
-- (about 1,000 at a million people), with their registrations and waitlists, and clears their
-- check-ins. Run once, after `demo activity`, before bench/scale-load.sh; a second run does nothing.
DO $$
DECLARE
    moved int;
BEGIN
    IF (SELECT count(*) FROM events WHERE starts_at > now()) > 50 THEN
        RAISE NOTICE 'already has upcoming events: nothing moved';
        RETURN;
    END IF;
    CREATE TEMP TABLE moving ON COMMIT DROP AS
        SELECT id FROM events WHERE starts_at > now() - interval '8 weeks' AND ends_at < now();
    UPDATE events SET starts_at = starts_at + interval '8 weeks', ends_at = ends_at + interval '8 weeks'
        WHERE id IN (SELECT id FROM moving);
    GET DIAGNOSTICS moved = ROW_COUNT;
    UPDATE registrations SET checked_in_at = NULL, reminded_at = NULL WHERE event_id IN (SELECT id FROM moving);
    RAISE NOTICE 'moved % events eight weeks forward', moved;
END $$;
