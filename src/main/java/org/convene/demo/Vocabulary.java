package org.convene.demo;

import java.util.List;
import java.util.Map;

/** The words the demo region is made of: names, places, professions and organisations by sector. */
final class Vocabulary {
    private Vocabulary() {
    }

    static final List<String> PLACES = List.of(
            "South Manchester", "Central Manchester", "North Manchester", "Trafford", "Stockport", "Salford");

    /** Neighbourhoods of each place (same order as {@link #PLACES}), for local communities. */
    static final List<List<String>> NEIGHBOURHOODS = List.of(
            List.of("Didsbury", "Withington", "Chorlton", "Fallowfield", "Burnage", "Wythenshawe", "Levenshulme"),
            List.of("Hulme", "Moss Side", "Ancoats", "Ardwick", "Longsight", "Rusholme"),
            List.of("Cheetham Hill", "Harpurhey", "Blackley", "Moston", "Crumpsall", "Collyhurst"),
            List.of("Stretford", "Sale", "Altrincham", "Urmston", "Partington", "Old Trafford"),
            List.of("Edgeley", "Brinnington", "Reddish", "Cheadle", "Marple", "Bramhall"),
            List.of("Eccles", "Swinton", "Walkden", "Pendleton", "Broughton", "Irlam"));

    static final List<String> FIRST_NAMES = List.of(
            "Aisha", "Amelia", "Amir", "Ana", "Andrew", "Angela", "Ben", "Bilal", "Catherine", "Chloe", "Chris", "Claire",
            "Daniel", "David", "Deborah", "Dev", "Eleanor", "Emma", "Fatima", "Fiona", "Gareth", "Grace", "Hannah", "Harpreet",
            "Hassan", "Helen", "Ibrahim", "Imran", "Isla", "Jack", "James", "Jane", "Jennifer", "John", "Joseph", "Julie",
            "Karen", "Kate", "Kwame", "Laura", "Leah", "Liam", "Lucy", "Mandeep", "Maria", "Mark", "Martin", "Mary", "Matthew",
            "Michael", "Mohammed", "Naomi", "Nadia", "Neil", "Nicola", "Noah", "Olivia", "Oluwaseun", "Omar", "Patrick", "Paul",
            "Peter", "Priya", "Rachel", "Rebecca", "Richard", "Rosa", "Ruth", "Ryan", "Sam", "Sarah", "Sean", "Simon", "Sophie",
            "Stephen", "Steph", "Susan", "Tariq", "Thomas", "Tom", "Usha", "Victoria", "Wei", "Yasmin", "Yusuf", "Zainab", "Zoe");

    static final List<String> LAST_NAMES = List.of(
            "Adams", "Ahmed", "Ali", "Allen", "Anderson", "Bailey", "Baker", "Begum", "Bell", "Brown", "Campbell", "Carter",
            "Chen", "Clarke", "Cooper", "Davies", "Edwards", "Evans", "Fisher", "Gallagher", "Green", "Hall", "Harris", "Hughes",
            "Hussain", "Jackson", "James", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King", "Lee", "Lewis", "Martin",
            "Mensah", "Miller", "Mitchell", "Moore", "Morgan", "Murphy", "Nguyen", "Noor", "Okafor", "O'Brien", "Owen", "Parker",
            "Patel", "Phillips", "Price", "Rahman", "Roberts", "Robinson", "Scott", "Shah", "Singh", "Smith", "Taylor", "Thomas",
            "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright", "Young");

    /** Sector code, share of people in per mille, professions (with job titles after the colon). */
    record SectorProfile(String code, int perMille, List<String> professions, List<String> orgPatterns, List<String> favouriteTopics) {
    }

    static final List<SectorProfile> SECTORS = List.of(
            new SectorProfile("acute", 180,
                    List.of("Nurse:Ward Sister", "Nurse:Discharge Coordinator", "Doctor:Consultant Geriatrician", "Doctor:Registrar",
                            "Physiotherapist:Senior Physiotherapist", "Occupational therapist:Occupational Therapist",
                            "Manager:Operations Manager", "Pharmacist:Clinical Pharmacist", "Nurse:Respiratory Nurse Specialist"),
                    List.of("{place} University Hospitals NHS Foundation Trust", "{place} General Hospital", "{place} Royal Infirmary"),
                    List.of("hospital discharge", "frailty", "urgent and emergency care", "patient safety", "COPD and damp housing")),
            new SectorProfile("primary", 140,
                    List.of("GP:GP Partner", "GP:Salaried GP", "Practice manager:Practice Manager", "Nurse:Practice Nurse",
                            "Pharmacist:PCN Pharmacist", "Social prescriber:Social Prescribing Link Worker", "Care navigator:Care Navigator"),
                    List.of("{street} Medical Practice", "{street} Surgery", "{place} Primary Care Network", "{street} Health Centre"),
                    List.of("social prescribing", "long-term conditions", "diabetes", "loneliness and isolation", "population health")),
            new SectorProfile("community", 100,
                    List.of("Nurse:District Nurse", "Nurse:Community Matron", "Therapist:Community Therapist",
                            "Health visitor:Health Visitor", "Re-ablement worker:Re-ablement Support Worker", "Manager:Neighbourhood Lead"),
                    List.of("{place} Community Health Services", "{place} Neighbourhood Team", "{place} Intermediate Care Service"),
                    List.of("frailty", "falls prevention", "end of life care", "hospital discharge", "loneliness and isolation")),
            new SectorProfile("mental_health", 80,
                    List.of("Nurse:Community Psychiatric Nurse", "Psychologist:Clinical Psychologist", "Psychiatrist:Consultant Psychiatrist",
                            "Peer support worker:Peer Support Worker", "Manager:Crisis Team Manager", "Social worker:Approved Mental Health Professional"),
                    List.of("{place} Mental Health NHS Trust", "{place} Crisis Resolution Team", "{place} Talking Therapies"),
                    List.of("mental health crisis", "children and young people's mental health", "substance misuse", "homelessness")),
            new SectorProfile("ambulance", 30,
                    List.of("Paramedic:Paramedic", "Paramedic:Advanced Paramedic", "Manager:Clinical Team Leader", "Call handler:Emergency Call Handler"),
                    List.of("North West Ambulance Service {place} Station", "{place} Urgent Care Hub"),
                    List.of("urgent and emergency care", "falls prevention", "mental health crisis", "frailty")),
            new SectorProfile("adult_social_care", 100,
                    List.of("Social worker:Social Worker", "Care worker:Senior Care Worker", "Manager:Registered Care Home Manager",
                            "Occupational therapist:Social Care OT", "Manager:Home Care Coordinator"),
                    List.of("{place} Adult Social Care", "{street} Care Home", "{place} Home Care", "{street} House Residential Care"),
                    List.of("hospital discharge", "carers support", "dementia", "workforce wellbeing", "recruitment and retention")),
            new SectorProfile("childrens", 50,
                    List.of("Social worker:Children's Social Worker", "Family support worker:Family Support Worker", "Nurse:School Nurse",
                            "Manager:Early Help Manager"),
                    List.of("{place} Children's Services", "{place} Family Hub", "{place} Early Help Team"),
                    List.of("children and young people's mental health", "maternity", "health inequalities", "obesity")),
            new SectorProfile("local_authority", 70,
                    List.of("Public health specialist:Public Health Consultant", "Commissioner:Commissioning Manager",
                            "Analyst:Public Health Analyst", "Officer:Community Development Officer", "Manager:Integration Programme Manager"),
                    List.of("{place} Council Public Health", "{place} Council Commissioning", "{place} Integrated Care Partnership"),
                    List.of("population health", "health inequalities", "physical activity", "fuel poverty", "community development")),
            new SectorProfile("housing", 60,
                    List.of("Housing officer:Housing Officer", "Housing officer:Tenancy Sustainment Officer", "Manager:Supported Housing Manager",
                            "Surveyor:Damp and Mould Surveyor", "Adviser:Homelessness Adviser"),
                    List.of("{place} Housing Trust", "{street} Homes", "{place} Homelessness Service", "{place} Supported Living"),
                    List.of("COPD and damp housing", "homelessness", "fuel poverty", "hospital discharge", "falls prevention")),
            new SectorProfile("vcse", 100,
                    List.of("Adviser:Citizens Advice Adviser", "Volunteer coordinator:Volunteer Coordinator", "Manager:Charity Chief Officer",
                            "Community worker:Befriending Coordinator", "Carer support worker:Carers Support Worker", "Community worker:Community Connector"),
                    List.of("Citizens Advice {place}", "{place} Carers Centre", "{place} Befriending Network", "{place} Foodbank",
                            "Age Friendly {place}", "{place} Community Voluntary Service"),
                    List.of("loneliness and isolation", "carers support", "fuel poverty", "digital inclusion", "co-production", "community development")),
            new SectorProfile("education_research", 30,
                    List.of("Researcher:Research Fellow", "Lecturer:Senior Lecturer in Nursing", "Improvement adviser:Improvement Adviser"),
                    List.of("University of {place}", "{place} College", "{place} Applied Research Collaboration"),
                    List.of("quality improvement", "health inequalities", "workforce wellbeing", "population health")),
            new SectorProfile("lived_experience", 50,
                    List.of("Carer:Carer", "Patient representative:Patient Representative", "Expert by experience:Expert by Experience",
                            "Citizen:Community Champion"),
                    List.of(),
                    List.of("co-production", "carers support", "patient safety", "learning disabilities and autism", "dementia")),
            new SectorProfile("other", 10,
                    List.of("Firefighter:Community Safety Advocate", "Police officer:Neighbourhood Police Officer", "Officer:Employment Support Officer"),
                    List.of("{place} Fire and Rescue", "{place} Neighbourhood Policing Team", "{place} Jobcentre"),
                    List.of("falls prevention", "mental health crisis", "homelessness", "substance misuse")));

    static final List<String> STREETS = List.of(
            "Albert Road", "Beech", "Brook", "Church Lane", "Crescent", "Elm Grove", "Fairfield", "Green Lane", "Hawthorn",
            "Heaton", "Highfield", "Hollins", "Kingsway", "Lime Tree", "Longford", "Maple", "Meadow", "Mill Lane", "Moss Side",
            "Northern", "Oakwood", "Park View", "Princess Road", "Queens", "Riverside", "St Mary's", "Station Road", "Victoria",
            "Willow", "Wythenshawe", "Withington", "Didsbury", "Levenshulme", "Chorlton", "Fallowfield", "Burnage");

    static final Map<String, String> OFFER_TEMPLATES = Map.of(
            "offer", "I can share what has worked for us on %s, and introduce you to colleagues in %s.",
            "ask", "I am looking for people outside %s who work on %s and would like to visit or meet for a cup of tea.",
            "bio", "I work in %s. I have spent the last few years on %s and care about joining up services for the people we support.");
}
