package org.convene.projects;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.convene.directory.Place;
import org.convene.errors.Errors;
import org.convene.web.Coded;
import org.convene.web.Text;

/**
 * A new or changed project. {@code place} is a place name (blank: none); dates are YYYY-MM-DD;
 * {@code ownerId} (a team member) is left out to keep the owner, or on creation to own it yourself;
 * {@code originKind} and {@code originId} name what the project grew from, both or neither;
 * {@code themes} are the directory's topics; {@code outcomes} says in words what changed;
 * {@code links} are web addresses; {@code partnerIds} are the partner organisations.
 */
public record ProjectInput(String title, String summary, String aim, String place, String status, String startsOn,
                           String endsOn, Long cohortId, Long ownerId, String originKind, Long originId, List<String> themes,
                           String outcomes, List<String> links, List<Long> partnerIds) {
    static final List<String> ORIGINS = List.of("community", "action_learning_set", "match", "event", "cluster", "idea");
    static final int MAX_THEMES = 10;

    /** An origin kind in words ("An idea"). */
    public static String originLabel(String kind) {
        return switch (kind) {
            case "community" -> "A community of practice";
            case "action_learning_set" -> "An action learning set";
            case "match" -> "A cross-sector match";
            case "event" -> "An event";
            case "cluster" -> "A leader cluster";
            case "idea" -> "An idea";
            default -> kind;
        };
    }
    static final int MAX_LINKS = 20;
    static final int MAX_PARTNERS = 50;

    /** A project as before the registry's fields: no themes, outcomes, links or partners. */
    public ProjectInput(String title, String summary, String aim, String place, String status, String startsOn, String endsOn,
                        Long cohortId, Long ownerId, String originKind, Long originId) {
        this(title, summary, aim, place, status, startsOn, endsOn, cohortId, ownerId, originKind, originId, null, null, null, null);
    }

    /** The cleaned input: the place matched to a known one, codes resolved, dates parsed, themes as the directory spells them. */
    public record Valid(String title, String summary, String aim, Long placeId, ProjectStatus status, LocalDate startsOn,
                        LocalDate endsOn, Long cohortId, Long ownerId, String originKind, Long originId, List<String> themes,
                        String outcomes, List<String> links, List<Long> partnerIds) {
    }

    public Valid validated(List<Place> places, List<String> topics) {
        Errors errors = new Errors();
        String cleanTitle = Text.singleLine(title);
        if (cleanTitle.isEmpty()) {
            errors.add("title", "Enter the project's title");
        } else if (cleanTitle.length() > 200) {
            errors.add("title", "Title must be 200 characters or fewer");
        }
        String cleanSummary = Text.multiLine(summary);
        if (cleanSummary.length() > 4000) {
            errors.add("summary", "The problem must be 4,000 characters or fewer");
        }
        String cleanAim = Text.multiLine(aim);
        if (cleanAim.length() > 1000) {
            errors.add("aim", "The aim must be 1,000 characters or fewer");
        }
        Long placeId = Place.idOf(errors, "place", places, place);
        String statusCode = Text.singleLine(status).toLowerCase(Locale.ROOT);
        ProjectStatus cleanStatus = statusCode.isEmpty() ? ProjectStatus.PLANNING
                : Coded.fromCode(ProjectStatus.class, statusCode).orElse(null);
        if (cleanStatus == null) {
            errors.add("status", "Status must be " + Coded.codes(ProjectStatus.class));
        }
        LocalDate starts = date(errors, "startsOn", startsOn);
        LocalDate ends = date(errors, "endsOn", endsOn);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add("endsOn", "The end date must be on or after the start date");
        }
        String origin = Text.singleLine(originKind).toLowerCase(Locale.ROOT);
        if (origin.isEmpty() != (originId == null)) {
            errors.add(origin.isEmpty() ? "originKind" : "originId", "Give both what the project grew from and its id, or neither");
        } else if (!origin.isEmpty() && !ORIGINS.contains(origin)) {
            errors.add("originKind", "What the project grew from must be one of " + String.join(", ", ORIGINS));
        } else if (originId != null && originId <= 0) {
            errors.add("originId", "The id of what the project grew from must be a positive number");
        }
        List<String> cleanThemes = themes(errors, topics);
        String cleanOutcomes = Text.multiLine(outcomes);
        if (cleanOutcomes.length() > 4000) {
            errors.add("outcomes", "The outcomes must be 4,000 characters or fewer");
        }
        List<String> cleanLinks = links(errors);
        List<Long> partners = partnerIds == null ? List.of() : partnerIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (partners.size() > MAX_PARTNERS) {
            errors.add("partners", "Name at most " + MAX_PARTNERS + " partner organisations");
        }
        errors.throwIfAny();
        return new Valid(cleanTitle, cleanSummary, cleanAim, placeId, cleanStatus, starts, ends, cohortId, ownerId,
                origin.isEmpty() ? null : origin, originId, cleanThemes, cleanOutcomes, cleanLinks, partners);
    }

    /** The themes as the directory spells its topics, each once; unknown ones are errors. */
    private List<String> themes(Errors errors, List<String> topics) {
        if (themes == null) {
            return List.of();
        }
        java.util.LinkedHashSet<String> chosen = new java.util.LinkedHashSet<>();
        for (String theme : themes) {
            String clean = Text.singleLine(theme);
            if (clean.isEmpty()) {
                continue;
            }
            topics.stream().filter(t -> t.equalsIgnoreCase(clean)).findFirst().ifPresentOrElse(chosen::add,
                    () -> errors.add("themes", "'" + clean + "' is not one of the directory's topics"));
        }
        if (chosen.size() > MAX_THEMES) {
            errors.add("themes", "Choose at most " + MAX_THEMES + " themes");
        }
        return List.copyOf(chosen);
    }

    /** The links, each an http(s) address of at most 2,000 characters, each once. */
    private List<String> links(Errors errors) {
        if (links == null) {
            return List.of();
        }
        List<String> clean = links.stream().map(Text::singleLine).filter(l -> !l.isEmpty()).distinct().toList();
        if (clean.size() > MAX_LINKS) {
            errors.add("links", "Give at most " + MAX_LINKS + " links");
        }
        clean.stream().filter(l -> !l.matches("(?i)^https?://[^\\s]+$") || l.length() > 2000).findFirst()
                .ifPresent(bad -> errors.add("links", "'" + bad + "' is not a web address starting https:// (or http://)"));
        return clean;
    }

    /** A date as YYYY-MM-DD between 2000 and 2200, or null when blank. */
    static LocalDate date(Errors errors, String field, String raw) {
        String text = Text.singleLine(raw);
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text);
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                errors.add(field, "Enter a date between 2000 and 2200");
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(field, "Enter the date as YYYY-MM-DD, for example 2026-03-31");
            return null;
        }
    }
}
