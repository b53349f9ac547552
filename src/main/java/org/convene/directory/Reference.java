package org.convene.directory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The shared vocabularies of the directory: sectors (fixed), places and interest topics. */
public final class Reference {
    private final Jdbi jdbi;
    private final List<Sector> sectors;
    private final Map<String, Sector> sectorsByCode;

    private final Cached<List<Place>> places;
    private final Cached<List<String>> topics;

    public Reference(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.places = new Cached<>(Duration.ofSeconds(30), () -> jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM places ORDER BY name")
                .map((rs, ctx) -> new Place(rs.getLong(1), rs.getString(2))).list()));
        this.topics = new Cached<>(Duration.ofSeconds(30), () -> jdbi.withHandle(h -> h.createQuery("SELECT name FROM topics ORDER BY name")
                .mapTo(String.class).list()));
        this.sectors = jdbi.withHandle(h -> h.createQuery("SELECT code, name FROM sectors ORDER BY sort_order")
                .map((rs, ctx) -> new Sector(rs.getString(1), rs.getString(2))).list());
        this.sectorsByCode = sectors.stream().collect(Collectors.toUnmodifiableMap(Sector::code, Function.identity()));
    }

    public List<Sector> sectors() {
        return sectors;
    }

    public Optional<Sector> sector(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(sectorsByCode.get(code));
    }

    /** A sector by code or by its name, ignoring case ("housing", "Housing", "VCSE"...). */
    public Optional<Sector> sectorByCodeOrName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return sectors.stream()
                .filter(s -> s.code().equals(v) || s.name().toLowerCase(Locale.ROOT).equals(v)
                        || s.name().toLowerCase(Locale.ROOT).startsWith(v + " (")
                        || s.name().toLowerCase(Locale.ROOT).contains("(" + v + ")"))
                .findFirst();
    }

    /** Places for filters and forms; re-read at most every 30 seconds, as they change rarely. */
    public List<Place> places() {
        return places.get();
    }

    /** The place with this name (any case), created if new. */
    public static long placeId(Handle h, String name) {
        String clean = name.trim().replaceAll("\\s+", " ");
        return h.createQuery("INSERT INTO places (name) VALUES (:name) ON CONFLICT (lower(name)) DO UPDATE SET name = places.name RETURNING id")
                .bind("name", clean).mapTo(Long.class).one();
    }

    public List<String> topics() {
        return topics.get();
    }
}
