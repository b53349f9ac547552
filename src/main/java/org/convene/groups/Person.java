package org.convene.groups;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Someone to place in a group. Text attributes are compared after trimming, ignoring case; an
 * empty organisation means none (the person clashes with nobody and differs from everyone), an
 * empty team means no team constraint, an empty sector, profession or place is one more value
 * ("unknown"). {@code numbers} are the numeric attributes named by {@link Rules#numbers()}, in
 * that order, {@code NaN} when missing (missing values are left out of means and deviations).
 */
public record Person(String id, String organisation, String team, String sector, String profession, String place, double[] numbers) {
    public Person {
        Objects.requireNonNull(id, "id");
        id = id.strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("A person needs an id");
        }
        organisation = clean(organisation);
        team = clean(team);
        sector = clean(sector);
        profession = clean(profession);
        place = clean(place);
        numbers = numbers == null ? new double[0] : numbers.clone();
        for (double v : numbers) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(id + " has an infinite number");
            }
        }
    }

    @Override
    public double[] numbers() {
        return numbers.clone();
    }

    double number(int j) {
        return numbers[j];
    }

    int numberCount() {
        return numbers.length;
    }

    String sectorKey() {
        return key(sector);
    }

    String organisationKey() {
        return key(organisation);
    }

    String teamKey() {
        return key(team);
    }

    String professionKey() {
        return key(profession);
    }

    String placeKey() {
        return key(place);
    }

    boolean sameOrganisation(Person other) {
        return !organisation.isEmpty() && organisationKey().equals(other.organisationKey());
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Person p && id.equals(p.id) && organisation.equals(p.organisation) && team.equals(p.team)
                && sector.equals(p.sector) && profession.equals(p.profession) && place.equals(p.place)
                && Arrays.equals(numbers, p.numbers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, organisation, team, sector, profession, place, Arrays.hashCode(numbers));
    }

    @Override
    public String toString() {
        return "Person[" + id + ", " + organisation + ", " + team + ", " + sector + ", " + profession + ", " + place + ", "
                + Arrays.toString(numbers) + "]";
    }
}
