package org.convene.demo;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Community names, discussion titles and posts in the voice of people working in health and care,
 * made from the demo region's words (topics, places, job titles, organisation names, first names).
 * The same random state gives the same text. Posts are Markdown: mostly plain sentences, sometimes
 * with bold, a list, a quote or a link, as people write in a forum.
 */
final class DiscussionText {
    private final List<String> topics;
    private final List<String> organisations;
    private final List<String> jobs;

    DiscussionText(List<String> topics, List<String> organisations) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("The discussions need at least one topic");
        }
        this.topics = List.copyOf(topics);
        this.organisations = organisations.isEmpty() ? List.of("the council") : List.copyOf(organisations);
        this.jobs = Vocabulary.SECTORS.stream().flatMap(s -> s.professions().stream())
                .map(p -> lowerFirst(p.substring(p.indexOf(':') + 1))).distinct().toList();
    }

    List<String> topics() {
        return topics;
    }

    private static final List<String> PROBLEMS = List.of(
            "People wait too long for help with %s, and nobody owns the whole journey.",
            "Services working on %s do not know each other, so people are passed from door to door.",
            "%s is rising and the teams who see it first are not the ones who can act.",
            "We keep solving the same %s problems on our own instead of learning from each other.",
            "People with lived experience of %s are rarely asked how services should work.");

    private static final List<String> DESCRIPTIONS = List.of(
            "A place for anyone working on %s to share what works, ask for help and meet.",
            "Front-line staff, managers, carers and voluntary groups working on %s together.",
            "We meet online every month and keep the conversation going here between meetings.");

    private static final List<String> TITLES = List.of(
            "%s: what works in {place}?", "Sharing our %s referral pathway", "Who else is working on %s?",
            "Data on %s for {place}", "Winter pressures and %s", "A question for anyone who is a {job}",
            "Co-producing the %s plan with carers", "%s reading list", "Notes from {day}'s meeting on %s",
            "Funding for %s projects", "How do you measure %s?", "Training on %s for new starters",
            "%s and {topic2}: the same problem?", "Help: %s in {place}", "What would you change about %s?",
            "Good news story: %s", "Visiting {org}", "%s huddle: who should be in the room?",
            "Lessons from a year of %s work", "Is anyone linking %s with housing?");

    private static final List<String> SENTENCES = List.of(
            "We have been trying a weekly huddle on {topic} in {place} and it has cut delays by about {n} per cent.",
            "Has anyone linked {topic} with {topic2}? Our {job} thinks they are the same problem seen from different doors.",
            "Thanks {name}, that is really helpful.",
            "The team at {org} would be happy to share their referral form.",
            "I am a {job} at {org} and new to this community.",
            "We lost {n} hours last month chasing equipment before people could go home.",
            "Could we bring this to the next meeting on {day}?",
            "From a carer's point of view, the hardest part is not knowing who to call.",
            "Our audit found {n} people waited more than a week for a package of care.",
            "Damp and mould came up again in three home visits this week.",
            "I will ask the {job} at {org} to join the discussion.",
            "The social prescribing link worker made all the difference for one of our patients.",
            "It would help to have one shared list instead of four spreadsheets.",
            "We tried this in {place} two years ago and it stopped when the funding ended.",
            "Does anyone have a template for a {topic} plan that people actually read?",
            "The pressures on the wards this winter are worse than last year.",
            "I agree with {name}: the first conversation matters most.",
            "Our volunteers phone people the day after they get home, and {n} out of ten say it helped.",
            "Housing officers are often the first to notice when someone is not coping.",
            "Please share anything you have on {topic}, even if it is rough.",
            "The GP practice on {street} has a nurse who leads on {topic}.",
            "We mapped every service that touches {topic} in {place} and found {n} of them.",
            "Mental health crisis calls went up after the clocks changed.",
            "The falls team and the fire service now share visits, which saves everyone time.",
            "Can we keep this discussion going after the workshop?",
            "I have attached the slides from the session on {topic}.",
            "Families tell us they repeat their story to every new professional.",
            "Fuel poverty is making {topic} worse in {place}.",
            "We started a joint project with the local authority and it is going well so far.",
            "Recruitment is still the biggest barrier for our {job} posts.",
            "The pharmacist reviewed medicines for {n} people before discharge.",
            "Peer support workers bring a perspective that the rest of us miss.",
            "This is exactly what we see in community nursing.",
            "I would love to visit {org} and see how you run it.",
            "Our data is patchy, but the trend for {topic} is clear.",
            "People with dementia and their carers need a named contact.",
            "Digital inclusion matters here: not everyone can join an online appointment.",
            "The quality improvement team helped us run three PDSA cycles on {topic}.",
            "Loneliness came up in almost every conversation at the drop-in.",
            "Well done to everyone in {place} who made this happen.",
            "I am not sure this would work in a rural area.",
            "Could the voluntary sector lead this rather than the NHS?",
            "Our frailty unit now sees people on the same day.",
            "We are recruiting people with lived experience to the steering group.",
            "The waiting list for adaptations is {n} weeks, which is too long.",
            "Happy to talk this through on a call next {day}.");

    private static final List<String> LINKS = List.of("guide", "report", "toolkit", "evaluation", "slides", "case study");
    private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");

    /** A community's name from a topic and a place (null: system-wide). */
    static String communityName(String topic, String place) {
        return place == null ? upperFirst(topic) + " network" : upperFirst(topic) + " in " + place;
    }

    String problem(SplittableRandom random, String topic) {
        return upperFirst(pick(random, PROBLEMS).replace("%s", topic));
    }

    String description(SplittableRandom random, String topic) {
        return pick(random, DESCRIPTIONS).replace("%s", topic);
    }

    String title(SplittableRandom random, String topic) {
        String title = fill(random, pick(random, TITLES), topic).replace("%s", topic);
        return upperFirst(title.length() > 200 ? title.substring(0, 200) : title);
    }

    /** One post: one to six sentences, now and then with Markdown. */
    String body(SplittableRandom random, String topic) {
        StringBuilder sb = new StringBuilder(400);
        int sentences = 1 + random.nextInt(6);
        int shape = random.nextInt(20);
        if (shape == 0) {
            sb.append("**Update:** ");
        } else if (shape == 1) {
            sb.append("> ").append(sentence(random, topic)).append("\n\n");
        }
        for (int i = 0; i < sentences; i++) {
            sb.append(i == 0 ? "" : " ").append(sentence(random, topic));
        }
        if (shape == 2) {
            sb.append("\n\n");
            for (int i = 0, items = 2 + random.nextInt(3); i < items; i++) {
                sb.append("- ").append(sentence(random, topic)).append('\n');
            }
        } else if (shape == 3) {
            String slug = topic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            sb.append(" There is a [").append(pick(random, LINKS)).append("](https://example.org/").append(slug).append(") on this.");
        }
        return sb.toString();
    }

    private String sentence(SplittableRandom random, String topic) {
        return fill(random, pick(random, SENTENCES), topic);
    }

    private String fill(SplittableRandom random, String template, String topic) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder sb = new StringBuilder(template.length() + 40);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                sb.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            sb.append(template, i, open);
            String slot = template.substring(open + 1, close);
            sb.append(switch (slot) {
                case "topic" -> random.nextInt(4) == 0 ? pick(random, topics) : topic;
                case "topic2" -> pick(random, topics);
                case "place" -> pick(random, Vocabulary.PLACES);
                case "org" -> pick(random, organisations);
                case "job" -> pick(random, jobs);
                case "name" -> pick(random, Vocabulary.FIRST_NAMES);
                case "street" -> pick(random, Vocabulary.STREETS);
                case "day" -> pick(random, DAYS);
                case "n" -> Integer.toString(2 + random.nextInt(60));
                default -> throw new IllegalStateException("Unknown slot " + slot);
            });
            i = close + 1;
        }
        return sb.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "Ward Sister" to "ward sister", but "GP Partner" to "GP partner". */
    private static String lowerFirst(String title) {
        StringBuilder sb = new StringBuilder();
        for (String word : title.split(" ")) {
            boolean acronym = word.length() > 1 && Character.isUpperCase(word.charAt(1));
            sb.append(sb.length() == 0 ? "" : " ").append(acronym ? word : word.toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
