package org.convene.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.convene.ties.TieKind;

/**
 * Events over the three years, as the events pages store them: workshops, meetings, socials and
 * film clubs, some run by a community (hosted by one of its members), most by someone in a place;
 * a capacity for most, registrations that fill it and then wait (promoted in order when someone
 * cancels), reminders a day before, and check-in at the door for most who came. One event in
 * seven has co-hosts, whose co-organising is a tie as {@code Events.addCohost} records it.
 */
final class EventActivity {
    private static final String[] KINDS = {"workshop", "meeting", "social", "film_club", "other"};
    private static final double[] KIND_SHARES = {0.32, 0.30, 0.14, 0.06, 0.18};
    private static final int[] HOURS = {10, 9, 18, 18, 12};
    private static final int[] MINUTES = {180, 90, 120, 150, 60};
    private static final List<String> VENUES = List.of("Town Hall", "Central Library", "Community Centre", "Friends Meeting House",
            "Education Centre", "Carers Centre", "Football Club lounge", "Arts Centre");

    /** An event the projects can grow from: where and when, and who came. */
    record Held(long id, int place, Instant startsAt, List<Long> came) {
    }

    private final ActivityContext ctx;
    private final SplittableRandom random;
    final ActivityContext.Rows events = new ActivityContext.Rows("events", "id, community_id, title, kind, description, starts_at, ends_at, "
            + "location, online_url, capacity, max_guests, host_id, created_at, reminder_hours");
    final ActivityContext.Rows registrations = new ActivityContext.Rows("registrations",
            "event_id, person_id, guests, status, registered_at, promoted_at, checked_in_at, reminded_at");
    final ActivityContext.Rows cohosts = new ActivityContext.Rows("event_cohosts", "event_id, person_id, added_at");
    final List<Held> held = new ArrayList<>();

    EventActivity(ActivityContext ctx, SplittableRandom random) {
        this.ctx = ctx;
        this.random = random;
    }

    private static final class Registrant {
        final long person;
        final Instant registered;
        final int guests;
        String status;
        Instant promoted;
        Instant decided;

        Registrant(long person, Instant registered, int guests) {
            this.person = person;
            this.registered = registered;
            this.guests = guests;
        }
    }

    void generate(int count, List<CommunityActivity.Community> communities, List<Long> alumni) {
        int byCommunities = communities.isEmpty() ? 0 : (int) Math.min(Math.round(count * 0.4), communities.size() * 36L);
        Instant first = ActivityContext.at(ctx.firstDay, 0, 0);
        long span = ctx.now.minus(Duration.ofHours(6)).getEpochSecond() - first.getEpochSecond();
        ActivityContext.Ids ids = ctx.ids("events_id_seq");
        for (int k = 0; k < count; k++) {
            long id = ids.next();
            CommunityActivity.Community community = random.nextInt(count) < byCommunities
                    ? communities.get(random.nextInt(communities.size())) : null;
            int kind = kind();
            LocalDate day = ActivityContext.date(first.plusSeconds((long) ((k + random.nextDouble()) * span / count)));
            Instant starts = ActivityContext.at(day, HOURS[kind] + random.nextInt(kind == 1 ? 8 : 2), random.nextBoolean() ? 0 : 30);
            if (starts.plus(Duration.ofMinutes(MINUTES[kind])).isAfter(ctx.now)) {
                starts = starts.minus(Duration.ofDays(1));
            }
            Instant ends = starts.plus(Duration.ofMinutes(MINUTES[kind]));
            Instant created = starts.minus(Duration.ofHours(24L * (7 + random.nextInt(36)) + random.nextInt(10)));
            int place = community != null ? community.place() : random.nextDouble() < 0.9 ? random.nextInt(Math.max(1, ctx.people.places())) : -1;
            if (ctx.people.places() == 0) {
                place = -1;
            }
            String placeName = place < 0 ? ProgrammeActivity.REGION : ctx.people.placeName(place);
            String topic = ActivityContext.pick(random, ctx.topics);
            String title = title(kind, topic, placeName);
            long host = community != null ? community.memberAt(created, random) : ctx.people.id(ctx.people.from(place, random));
            boolean online = random.nextDouble() < 0.3;
            Integer capacity = random.nextDouble() < 0.65 ? 12 + random.nextInt(49) : null;
            int maxGuests = random.nextDouble() < 0.1 ? 1 + random.nextInt(2) : 0;
            events.add(id, community == null ? null : community.id(), title, KINDS[kind], description(kind, topic, placeName), starts, ends,
                    online ? "" : placeName + ", " + ActivityContext.pick(random, VENUES),
                    online ? "https://meet.example.org/" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) : "",
                    capacity, maxGuests, host, created, 24);

            Set<Long> organisers = new LinkedHashSet<>();
            organisers.add(host);
            if (random.nextDouble() < 0.15) {
                int wanted = 1 + random.nextInt(2);
                for (int n = 0; n < wanted * 3 && organisers.size() <= wanted; n++) {
                    long cohost = community != null ? community.memberAt(created, random) : ctx.people.id(ctx.people.from(place, random));
                    if (organisers.add(cohost)) {
                        Instant added = created.plus(Duration.ofHours(1 + random.nextInt(72)));
                        cohosts.add(id, cohost, added);
                        for (long earlier : organisers) {
                            ctx.ties.add(cohost, earlier, TieKind.COLLABORATE, "event", "event:" + id, "Organised " + title + " together",
                                    ActivityContext.date(added));
                        }
                    }
                }
            }
            register(id, community, place, starts, created, capacity, maxGuests, organisers, alumni);
        }
    }

    private void register(long eventId, CommunityActivity.Community community, int place, Instant starts, Instant created,
                          Integer capacity, int maxGuests, Set<Long> organisers, List<Long> alumni) {
        int wanted = (int) Math.max(2, Math.min(200, Math.round(Math.exp(Math.log(20) - 0.18 + 0.6 * ActivityContext.gaussian(random)))));
        Set<Long> chosen = new LinkedHashSet<>();
        for (int n = 0; n < wanted * 3 && chosen.size() < wanted; n++) {
            double r = random.nextDouble();
            long person = community != null && r < 0.6 ? community.memberAt(starts, random)
                    : !alumni.isEmpty() && r < 0.75 ? alumni.get(random.nextInt(alumni.size()))
                    : ctx.people.id(ctx.people.from(place, random));
            if (!organisers.contains(person)) {
                chosen.add(person);
            }
        }
        List<Registrant> queue = new ArrayList<>();
        for (long person : chosen) {
            queue.add(new Registrant(person, ctx.between(random, created, starts.minus(Duration.ofHours(1))),
                    maxGuests > 0 && random.nextDouble() < 0.2 ? 1 : 0));
        }
        queue.sort(Comparator.comparing((Registrant r) -> r.registered).thenComparing(r -> r.person));
        // Places are taken in order of registering; the rest wait.
        int taken = 0;
        List<Registrant> waiting = new ArrayList<>();
        for (Registrant r : queue) {
            if (capacity == null || taken + 1 + r.guests <= capacity) {
                r.status = "confirmed";
                taken += 1 + r.guests;
            } else {
                r.status = "waitlisted";
                waiting.add(r);
            }
        }
        // Some cancel before the day; each freed place goes to the first who is still waiting and fits.
        List<Registrant> byCancelling = new ArrayList<>(queue);
        for (Registrant r : byCancelling) {
            double cancels = r.status.equals("confirmed") ? 0.08 : 0.1;
            if (random.nextDouble() >= cancels) {
                continue;
            }
            Instant at = ctx.between(random, r.registered, starts.minus(Duration.ofMinutes(30)));
            boolean wasConfirmed = r.status.equals("confirmed");
            r.status = "cancelled";
            r.decided = at;
            waiting.remove(r);
            if (wasConfirmed && capacity != null) {
                taken -= 1 + r.guests;
                for (java.util.Iterator<Registrant> it = waiting.iterator(); it.hasNext(); ) {
                    Registrant next = it.next();
                    if (taken + 1 + next.guests <= capacity && next.registered.isBefore(at)) {
                        next.status = "confirmed";
                        next.promoted = at;
                        taken += 1 + next.guests;
                        it.remove();
                        break;
                    }
                }
            }
        }
        Instant reminderDue = starts.minus(Duration.ofHours(24));
        List<Long> came = new ArrayList<>();
        boolean past = starts.isBefore(ctx.now);
        for (Registrant r : queue) {
            boolean confirmed = r.status.equals("confirmed");
            Instant since = r.promoted != null ? r.promoted : r.registered;
            Instant reminded = confirmed && since.isBefore(reminderDue) && reminderDue.isBefore(ctx.now)
                    ? reminderDue.plusSeconds(60 + random.nextInt(240)) : null;
            Instant checkedIn = confirmed && past && random.nextDouble() < 0.8
                    ? ActivityContext.earlier(ctx.now, starts.plusSeconds(random.nextInt(1800) - 600)) : null;
            if (checkedIn != null) {
                came.add(r.person);
            }
            registrations.add(eventId, r.person, r.guests, r.status, r.registered, r.promoted, checkedIn, reminded);
        }
        held.add(new Held(eventId, place, starts, came));
    }

    private int kind() {
        double r = random.nextDouble();
        for (int k = 0; k < KINDS.length; k++) {
            r -= KIND_SHARES[k];
            if (r < 0) {
                return k;
            }
        }
        return KINDS.length - 1;
    }

    private String title(int kind, String topic, String place) {
        String t = Character.toUpperCase(topic.charAt(0)) + topic.substring(1);
        String title = switch (KINDS[kind]) {
            case "workshop" -> ActivityContext.pick(random, List.of("Workshop: " + topic + " in " + place, t + ": what works? A workshop",
                    "Hands-on workshop on " + topic, "Improving " + topic + " together: a workshop"));
            case "meeting" -> ActivityContext.pick(random, List.of(place + " " + topic + " network meeting", t + " peer meeting",
                    "Quarterly meeting: " + topic, t + " in " + place + ": planning meeting"));
            case "social" -> ActivityContext.pick(random, List.of("Summer social in " + place, "Coffee and cake: " + topic,
                    "End-of-year get-together, " + place, "Walk and talk in " + place));
            case "film_club" -> ActivityContext.pick(random, List.of("Film club: stories of " + topic, "Documentary night: " + topic,
                    "Film and discussion: " + topic));
            default -> ActivityContext.pick(random, List.of("Lunch and learn: " + topic, "Open surgery on " + topic,
                    t + " drop-in", "Webinar: " + topic + " across " + place));
        };
        return title.length() <= 200 ? title : title.substring(0, 200);
    }

    private static String description(int kind, String topic, String place) {
        return switch (KINDS[kind]) {
            case "workshop" -> "A practical session on " + topic + " for people working in " + place
                    + ": bring a problem from your own service and leave with a next step.";
            case "meeting" -> "The regular meeting of people working on " + topic + " in " + place + ": updates, what is getting in the way, and who can help.";
            case "social" -> "An informal get-together for people from every part of the system in " + place + ". No agenda.";
            case "film_club" -> "We watch a short film about " + topic + " and talk about what it means for our work.";
            default -> "An open session on " + topic + ". Come for as long as you can.";
        };
    }

    void copy() {
        events.copy(ctx.h);
        cohosts.copy(ctx.h);
        registrations.copy(ctx.h);
    }
}
