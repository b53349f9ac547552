package org.convene.schemes;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.convene.mail.Email;
import org.convene.web.Text;

/**
 * What a pair or trio is told: why they were matched (shared interests, their different sectors
 * and organisations, a shared place), a suggested first step, and a calendar invitation for a
 * first 30-minute meeting. Plain functions of the members, so the same text is stored on the
 * match, shown on its page and sent by email.
 */
public final class Introductions {
    static final Duration MEETING = Duration.ofMinutes(30);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.UK);

    private Introductions() {
    }

    /** Why these people were matched, in a sentence or three. */
    public static String reason(List<Member> members) {
        StringBuilder out = new StringBuilder();
        Set<String> shared = sharedInterests(members);
        if (!shared.isEmpty()) {
            out.append(members.size() == 2 ? "You both care about " : "You all care about ").append(and(new ArrayList<>(shared))).append(". ");
        } else {
            out.append("You work in different parts of the system, so each of you sees what the others do not. ");
        }
        List<String> who = new ArrayList<>();
        for (Member m : members) {
            StringBuilder w = new StringBuilder(m.name()).append(" works in ").append(lower(m.sectorName()));
            if (m.organisationName() != null) {
                w.append(" (").append(m.organisationName()).append(')');
            }
            if (m.profession() != null && !m.profession().isBlank()) {
                w.append(" as ").append(article(m.profession())).append(' ').append(m.profession());
            }
            who.add(w.toString());
        }
        out.append(String.join("; ", who)).append('.');
        String place = samePlace(members);
        if (place != null) {
            out.append(members.size() == 2 ? " You are both in " : " You are all in ").append(place).append('.');
        }
        return out.toString();
    }

    /** The first step: the scheme's own words if it has them, else a short meeting before {@code meetBy}. */
    public static String firstStep(Scheme scheme, List<Member> members, MeetingMode mode, LocalDate meetBy) {
        StringBuilder out = new StringBuilder();
        if (!scheme.firstStep().isBlank()) {
            out.append(scheme.firstStep().strip());
        } else {
            out.append("Have a 30-minute brew before ").append(DAY.format(meetBy)).append(", ").append(howToMeet(mode, members))
                    .append(". Start with what each of you is working on and what gets in the way.");
        }
        for (Member m : members) {
            if (!m.asks().isBlank()) {
                out.append("\n").append(m.name()).append(" is looking for: ").append(Text.clip(Text.singleLine(m.asks()), 200));
            }
            if (!m.offers().isBlank()) {
                out.append("\n").append(m.name()).append(" can offer: ").append(Text.clip(Text.singleLine(m.offers()), 200));
            }
        }
        return out.toString();
    }

    private static String howToMeet(MeetingMode mode, List<Member> members) {
        String place = samePlace(members);
        return switch (mode) {
            case IN_PERSON -> "in person" + (place == null ? " somewhere convenient for you all" : " in " + place);
            case ONLINE -> "online";
            case EITHER -> members.stream().anyMatch(m -> m.meetingMode() == MeetingMode.IN_PERSON)
                    && members.stream().anyMatch(m -> m.meetingMode() == MeetingMode.ONLINE)
                    ? "in person or online (one of you prefers to meet in person, another online: agree what suits you)"
                    : "in person or online, whichever suits you";
        };
    }

    /** A suggested first meeting: a week after the round (three days for weekly schemes), 10:00 UK time, on a weekday. */
    public static ZonedDateTime suggestedStart(Instant ranAt, Cadence cadence) {
        LocalDate day = ranAt.atZone(Cadence.ZONE).toLocalDate().plusDays(cadence == Cadence.WEEKLY ? 3 : 7);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(LocalTime.of(10, 0)).atZone(Cadence.ZONE);
    }

    /** The introduction email to one member of a group (who must have an email address). */
    public static Email email(Member to, List<Member> group, Scheme scheme, int round, long groupId, String reason,
                              String firstStep, MeetingMode mode, ZonedDateTime start, String baseUrl) {
        List<Member> others = group.stream().filter(m -> m.personId() != to.personId()).toList();
        StringBuilder body = new StringBuilder();
        body.append("Hello ").append(to.name()).append(",\n\n")
                .append("In round ").append(round).append(" of ").append(scheme.name()).append(" you have been matched with ")
                .append(and(others.stream().map(Member::name).toList())).append(".\n\n");
        for (Member m : others) {
            body.append(m.name());
            if (m.profession() != null && !m.profession().isBlank()) {
                body.append(", ").append(m.profession());
            }
            if (m.organisationName() != null) {
                body.append(", ").append(m.organisationName());
            }
            body.append(" (").append(m.sectorName()).append(")");
            if (m.placeName() != null) {
                body.append(", ").append(m.placeName());
            }
            body.append("\n  ").append(m.email() == null ? "No email address on their profile: reply through Convene" : m.email()).append('\n');
        }
        body.append("\nWhy you were matched\n").append(reason).append("\n\n")
                .append("A first step\n").append(firstStep).append("\n\n")
                .append("The attached calendar invitation holds ").append(TIME.format(start)).append(" on ").append(DAY.format(start))
                .append(" (").append(mode == MeetingMode.ONLINE ? "online" : mode == MeetingMode.IN_PERSON ? "in person" : "in person or online")
                .append("); move it to a time that suits you all.\n\n")
                .append("After you have met, tell us how it went (it takes a minute):\n").append(baseUrl).append("/matches/").append(groupId)
                .append("\n\nTo skip a round, pause or leave the scheme: ").append(baseUrl).append("/schemes/").append(scheme.id())
                .append("\n");
        String subject = scheme.name() + ": meet " + and(others.stream().map(Member::name).toList());
        return new Email(to.email(), subject, body.toString(),
                new Email.Attachment("meeting.ics", "text/calendar; method=PUBLISH",
                        calendar(groupId, group, scheme, reason, mode, start, baseUrl)));
    }

    /** An iCalendar file with one 30-minute event for the group (METHOD:PUBLISH, times in UTC). */
    public static String calendar(long groupId, List<Member> group, Scheme scheme, String reason, MeetingMode mode,
                                  ZonedDateTime start, String baseUrl) {
        String place = samePlace(group);
        String summary = scheme.name() + ": " + and(group.stream().map(Member::name).toList());
        VEvent event = new VEvent(start.toInstant(), start.plus(MEETING).toInstant(), summary);
        String host = URI.create(baseUrl).getHost();
        event.add(new Uid("match-" + groupId + "@" + (host == null ? "convene" : host)));
        event.add(new Description(reason + "\n\nTell us how it went: " + baseUrl + "/matches/" + groupId));
        event.add(new Location(mode == MeetingMode.ONLINE ? "Online" : place != null ? place : "To be agreed"));
        for (Member m : group) {
            if (m.email() != null) {
                Attendee a = new Attendee(URI.create("mailto:" + m.email()));
                a.add(new Cn(m.name()));
                event.add(a);
            }
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Convene//Matching schemes//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);
        return calendar.toString();
    }

    static Set<String> sharedInterests(List<Member> members) {
        Set<String> shared = new LinkedHashSet<>();
        for (String interest : members.get(0).interests()) {
            String key = interest.strip().toLowerCase(Locale.ROOT);
            boolean all = members.stream().skip(1).allMatch(m -> m.interests().stream().anyMatch(i -> i.strip().toLowerCase(Locale.ROOT).equals(key)));
            if (all) {
                shared.add(lower(interest.strip()));
            }
        }
        return shared;
    }

    static String samePlace(List<Member> members) {
        String place = members.get(0).placeName();
        return place != null && members.stream().allMatch(m -> m.placeName() != null && m.placeName().equalsIgnoreCase(place)) ? place : null;
    }

    static String and(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String lower(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        // Keep acronyms (NHS, GP, VCSE) as they are; lower-case the first letter of ordinary words.
        return s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String article(String noun) {
        return "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an" : "a";
    }
}
