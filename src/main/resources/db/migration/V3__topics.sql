-- A starting vocabulary of health-and-care interests; people may add their own as well.
CREATE TABLE topics (
    name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 80)
);

INSERT INTO topics (name) VALUES
    ('hospital discharge'), ('loneliness and isolation'), ('frailty'), ('COPD and damp housing'),
    ('mental health crisis'), ('workforce wellbeing'), ('health inequalities'), ('dementia'),
    ('end of life care'), ('diabetes'), ('falls prevention'), ('homelessness'),
    ('substance misuse'), ('carers support'), ('digital inclusion'), ('social prescribing'),
    ('children and young people''s mental health'), ('maternity'), ('long-term conditions'),
    ('patient safety'), ('co-production'), ('quality improvement'), ('population health'),
    ('fuel poverty'), ('learning disabilities and autism'), ('urgent and emergency care'),
    ('medicines optimisation'), ('physical activity'), ('obesity'), ('cancer pathways'),
    ('recruitment and retention'), ('community development');
