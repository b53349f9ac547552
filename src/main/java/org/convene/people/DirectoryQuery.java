package org.convene.people;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A directory search: free text plus any of the filters, and the page wanted. Free text becomes
 * a prefix-matching full-text query built from letters and digits only, so no user input ever
 * reaches the tsquery parser as syntax. The filters become SQL conditions on {@code people p}
 * ({@link #sqlConditions}, {@link #bindTo}), for the directory and for any list of people in it
 * (a community's members).
 */
public record DirectoryQuery(String text, String sector, Long placeId, Long organisationId, String interest,
                             String profession, int page, int size) {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    public static final int MAX_WORDS = 8;

    public DirectoryQuery {
        text = text == null ? "" : text.trim();
        sector = blankToNull(sector);
        interest = blankToNull(interest);
        profession = blankToNull(profession);
        page = Math.max(1, page);
        size = Math.min(100, Math.max(1, size));
    }

    /**
     * e.g. "hospital disch" becomes 'hospital' &amp; 'disch':*; empty when there are no words. Only
     * the last word, the one still being typed, matches as a prefix: a prefix reads many more
     * index entries than a word ("hous" also finds house, household, housebound...).
     */
    public String tsQuery() {
        List<String> terms = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find() && terms.size() < MAX_WORDS) {
            String word = m.group();
            if (word.length() > 60) {
                word = word.substring(0, 60);
            }
            terms.add("'" + word + "'");
        }
        if (!terms.isEmpty()) {
            terms.set(terms.size() - 1, terms.get(terms.size() - 1) + ":*");
        }
        return String.join(" & ", terms);
    }

    public boolean filtered() {
        return !tsQuery().isEmpty() || sector != null || placeId != null || organisationId != null
                || interest != null || profession != null;
    }

    /** The filters as conditions on {@code people p}, each starting with AND (empty without filters); bind them with {@link #bindTo}. */
    public String sqlConditions() {
        StringBuilder where = new StringBuilder();
        if (!tsQuery().isEmpty()) {
            where.append("AND p.search @@ to_tsquery('english', :ts) ");
        }
        if (sector != null) {
            where.append("AND p.sector_code = :sector ");
        }
        if (placeId != null) {
            where.append("AND p.place_id = :place ");
        }
        if (organisationId != null) {
            where.append("AND p.organisation_id = :organisation ");
        }
        if (interest != null) {
            where.append("AND p.interests @> ARRAY[:interest]::text[] ");
        }
        if (profession != null) {
            where.append("AND lower(p.profession) = lower(:profession) ");
        }
        return where.toString();
    }

    /** Binds the values {@link #sqlConditions} uses, and only those. */
    public <S extends SqlStatement<S>> S bindTo(S statement) {
        String ts = tsQuery();
        if (!ts.isEmpty()) {
            statement.bind("ts", ts);
        }
        if (sector != null) {
            statement.bind("sector", sector);
        }
        if (placeId != null) {
            statement.bind("place", placeId);
        }
        if (organisationId != null) {
            statement.bind("organisation", organisationId);
        }
        if (interest != null) {
            statement.bind("interest", interest);
        }
        if (profession != null) {
            statement.bind("profession", profession);
        }
        return statement;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
