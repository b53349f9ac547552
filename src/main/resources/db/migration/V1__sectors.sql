-- The parts of the health and care system people work in (PRODUCT.md "Sector").
CREATE TABLE sectors (
    code       text PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    sort_order int  NOT NULL
);

INSERT INTO sectors (code, name, sort_order) VALUES
    ('acute', 'Acute care', 1),
    ('primary', 'Primary care', 2),
    ('community', 'Community health', 3),
    ('mental_health', 'Mental health', 4),
    ('ambulance', 'Ambulance', 5),
    ('adult_social_care', 'Adult social care', 6),
    ('childrens', 'Children''s services', 7),
    ('local_authority', 'Local authority and public health', 8),
    ('housing', 'Housing', 9),
    ('vcse', 'Voluntary and community sector (VCSE)', 10),
    ('education_research', 'Education and research', 11),
    ('lived_experience', 'Lived experience (patients, carers, citizens)', 12),
    ('other', 'Other', 13);
