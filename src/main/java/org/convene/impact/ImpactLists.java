package org.convene.impact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.convene.web.Html;

/** How each figure's list reads its rows and shows them: the columns, the page's SQL and each row's cells. */
final class ImpactLists {
    private ImpactLists() {
    }

    static List<String> columns(Figure figure) {
        return switch (figure) {
            case PEOPLE -> List.of("Name", "Sector", "Organisation");
            case EVENTS -> List.of("Event", "Date", "Places confirmed", "Checked in");
            case MATCHES -> List.of("Round", "People", "Met");
            case SETS -> List.of("Set", "Published", "Members");
            case CLUSTERS -> List.of("Cluster", "Status", "Proposed", "Members");
            case PROJECTS -> List.of("Project", "Status", "Started", "Outcome recorded");
            case TIES -> List.of("Person", "Sector", "Person", "Sector", "First tied", "Sources");
            case CONFIDENCE -> List.of("Cohort", "Ended", "Pairs", "Mean before", "Mean after", "Share whose confidence rose");
        };
    }

    /** The SQL of one page of a figure's rows, with what each row shows besides what the figure counts. */
    static String page(Figure figure, String base, String where) {
        String from = " FROM (" + base + ") b";
        String limit = " LIMIT :limit OFFSET :offset";
        return switch (figure) {
            case PEOPLE -> "SELECT b.id, b.full_name, s.name AS sector, o.name AS organisation" + from
                    + " JOIN sectors s ON s.code = b.sector_code LEFT JOIN organisations o ON o.id = b.organisation_id" + where
                    + " ORDER BY b.full_name, b.id" + limit;
            case EVENTS -> "SELECT b.*" + from + where + " ORDER BY b.starts_at DESC, b.id" + limit;
            case MATCHES -> "SELECT b.*, (SELECT string_agg(p.full_name, ', ' ORDER BY p.full_name) FROM match_members m "
                    + "JOIN people p ON p.id = m.person_id WHERE m.group_id = b.id) AS names" + from + where
                    + " ORDER BY b.ran_at DESC, b.id" + limit;
            case SETS -> "SELECT b.*" + from + where + " ORDER BY b.published_at DESC, b.cohort_id, b.number" + limit;
            case CLUSTERS -> "SELECT b.*" + from + where + " ORDER BY b.created_at DESC, b.id" + limit;
            case PROJECTS -> "SELECT b.*" + from + where + " ORDER BY b.started_on DESC, b.id" + limit;
            case TIES -> "SELECT b.*, pa.full_name AS a_name, sa.name AS a_sector, pb.full_name AS b_name, sb.name AS b_sector, "
                    + "(SELECT string_agg(DISTINCT t.source, ', ') FROM ties t WHERE t.person_a = b.person_a AND t.person_b = b.person_b) AS sources"
                    + from + " JOIN people pa ON pa.id = b.person_a JOIN people pb ON pb.id = b.person_b "
                    + "JOIN sectors sa ON sa.code = pa.sector_code JOIN sectors sb ON sb.code = pb.sector_code" + where
                    + " ORDER BY b.first_on DESC, b.id DESC" + limit;
            case CONFIDENCE -> throw new IllegalArgumentException("Confidence is listed by cohort from its pairs");
        };
    }

    static ImpactList.Row row(Figure figure, ResultSet rs) throws SQLException {
        return new ImpactList.Row(switch (figure) {
            case PEOPLE -> List.of(link(rs.getString("full_name"), "/people/" + rs.getLong("id")), text(rs.getString("sector")),
                    text(Html.orDash(rs.getString("organisation"))));
            case EVENTS -> List.of(link(rs.getString("title"), "/events/" + rs.getLong("id")), text(day(rs, "starts_at")),
                    text(Html.number(rs.getLong("confirmed"))), text(Html.number(rs.getLong("attended"))));
            case MATCHES -> List.of(link(rs.getString("scheme") + ", " + day(rs, "ran_at"), "/rounds/" + rs.getLong("round_id")),
                    text(rs.getString("names")), text(rs.getBoolean("met") ? "Yes" : "Not yet"));
            case SETS -> List.of(link(rs.getString("programme") + ", " + rs.getString("cohort") + ": set " + rs.getInt("number"),
                    "/sets/" + rs.getLong("id")), text(day(rs, "published_at")), text(Html.number(rs.getLong("members"))));
            case CLUSTERS -> List.of(link(rs.getString("area"), "/clusters/" + rs.getLong("id")), text(capitalised(rs.getString("status"))),
                    text(day(rs, "created_at")), text(Html.number(rs.getLong("members"))));
            case PROJECTS -> List.of(link(rs.getString("title"), "/projects/" + rs.getLong("id")),
                    text(ImpactStore.status(rs.getString("status")).label()), text(Html.date(rs.getObject("started_on", LocalDate.class))),
                    text(rs.getBoolean("has_outcome") ? "Yes" : "No"));
            case TIES -> List.of(link(rs.getString("a_name"), "/people/" + rs.getLong("person_a")), text(rs.getString("a_sector")),
                    link(rs.getString("b_name"), "/people/" + rs.getLong("person_b")), text(rs.getString("b_sector")),
                    text(Html.date(rs.getObject("first_on", LocalDate.class))), text(rs.getString("sources").replace('_', ' ')));
            case CONFIDENCE -> throw new IllegalArgumentException("Confidence is listed by cohort from its pairs");
        });
    }

    static ImpactList.Row confidenceRow(ImpactFigures.CohortConfidence c) {
        return new ImpactList.Row(List.of(link(c.programme() + ", " + c.cohort(), "/cohorts/" + c.cohortId() + "/report"),
                text(c.endsOn() == null ? "" : Html.date(c.endsOn())), text(Html.number(c.pairs())),
                text(c.withheld() ? "Withheld" : String.format(java.util.Locale.UK, "%.2f", c.meanBefore())),
                text(c.withheld() ? "Withheld" : String.format(java.util.Locale.UK, "%.2f", c.meanAfter())),
                text(c.withheld() ? "Withheld" : Html.percent(c.roseShare()))));
    }

    private static String day(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? "" : Html.date(t.atZoneSameInstant(ImpactQuery.ZONE).toLocalDate());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static ImpactList.Cell link(String text, String href) {
        return new ImpactList.Cell(text, href);
    }

    private static ImpactList.Cell text(String text) {
        return ImpactList.Cell.of(text);
    }
}
