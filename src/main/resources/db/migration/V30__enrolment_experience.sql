-- Years of experience and pay band (Agenda for Change 1-9, or the nearest equivalent) as given at
-- enrolment: the group engine balances action learning sets on them. Empty when not given.
ALTER TABLE enrolments
    ADD COLUMN years_experience smallint CHECK (years_experience BETWEEN 0 AND 60),
    ADD COLUMN pay_band smallint CHECK (pay_band BETWEEN 1 AND 9);
