package org.convene.programmes;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.convene.errors.BadRequestException;
import org.convene.errors.ImportRejectedException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.sets.SetTies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Who is on each cohort, and attendance at its modules. */
public final class Enrolments {
    public static final Set<String> ATTENDANCE = Set.of("present", "absent", "apologies");
    private static final int MAX_CSV_ROWS = 10_000;

    private final Jdbi jdbi;

    public Enrolments(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Enrolment> list(long cohortId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT p.id, p.full_name, p.job_title, o.name AS organisation, p.sector_code, "
                        + "s.name AS sector_name, e.status, (SELECT count(*) FROM attendance a JOIN modules m ON m.id = a.module_id "
                        + "WHERE m.cohort_id = e.cohort_id AND a.person_id = p.id AND a.status = 'present') AS attended "
                        + "FROM enrolments e JOIN people p ON p.id = e.person_id JOIN sectors s ON s.code = p.sector_code "
                        + "LEFT JOIN organisations o ON o.id = p.organisation_id WHERE e.cohort_id = :id ORDER BY p.full_name, p.id")
                .bind("id", cohortId)
                .map((rs, ctx) -> new Enrolment(rs.getLong("id"), rs.getString("full_name"), rs.getString("job_title"),
                        rs.getString("organisation"), rs.getString("sector_code"), rs.getString("sector_name"),
                        rs.getString("status"), rs.getInt("attended")))
                .list());
    }

    public boolean isEnrolled(long cohortId, long personId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM enrolments WHERE cohort_id = :c AND person_id = :p "
                + "AND status <> 'withdrawn')").bind("c", cohortId).bind("p", personId).mapTo(Boolean.class).one());
    }

    /** Enrols directory people by id; people already on the cohort are left as they are. Returns how many were added. */
    public int enrol(long cohortId, List<Long> personIds) {
        if (personIds.isEmpty()) {
            throw new ValidationException("Choose at least one person", Map.of("people", "Choose at least one person to enrol"));
        }
        if (personIds.size() > MAX_CSV_ROWS) {
            throw new BadRequestException("Enrol at most " + MAX_CSV_ROWS + " people at a time");
        }
        return jdbi.inTransaction(h -> {
            cohortExists(h, cohortId);
            List<Long> ids = new ArrayList<>(new LinkedHashSet<>(personIds));
            List<Long> known = h.createQuery("SELECT id FROM people WHERE id = ANY(:ids)").bind("ids", ids.toArray(Long[]::new))
                    .mapTo(Long.class).list();
            List<Long> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
            if (!unknown.isEmpty()) {
                throw new ValidationException("Unknown person", Map.of("people", "No person with id " + unknown.get(0)));
            }
            return insert(h, cohortId, ids);
        });
    }

    /** Enrols the people, and back in their action learning set's ties those who had withdrawn ({@link SetTies}). */
    private static int insert(Handle h, long cohortId, List<Long> ids) {
        List<Long> returning = h.createQuery("SELECT person_id FROM enrolments WHERE cohort_id = :cohort AND person_id = ANY(:ids) "
                        + "AND status = 'withdrawn' FOR UPDATE")
                .bind("cohort", cohortId).bind("ids", ids.toArray(Long[]::new)).mapTo(Long.class).list();
        int added = h.createUpdate("INSERT INTO enrolments (cohort_id, person_id) SELECT :cohort, unnest(:ids) "
                        + "ON CONFLICT (cohort_id, person_id) DO UPDATE SET status = 'enrolled' WHERE enrolments.status = 'withdrawn'")
                .bind("cohort", cohortId).bind("ids", ids.toArray(Long[]::new)).execute();
        for (long person : returning) {
            SetTies.reenrolled(h, cohortId, person, null);
        }
        return added;
    }

    /**
     * Enrols the people listed in a CSV file with an {@code email} column (other columns are
     * ignored). Every row must name someone in the directory; if any does not, nobody is enrolled
     * and each bad row is reported by line number.
     */
    public int enrolCsv(long cohortId, Reader csv) {
        List<String> emails = new ArrayList<>();
        List<ImportRejectedException.Row> problems = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(csv)) {
            Map<String, Integer> header = new LinkedHashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.trim().toLowerCase(Locale.ROOT).replace("\uFEFF", ""), v));
            Integer column = header.get("email");
            if (column == null) {
                throw ImportRejectedException.atLine(1, "the header row needs an 'email' column");
            }
            for (CSVRecord row : parser) {
                if (emails.size() >= MAX_CSV_ROWS) {
                    throw ImportRejectedException.file("A file can enrol at most " + MAX_CSV_ROWS + " people.");
                }
                String email = column < row.size() ? row.get(column).trim() : "";
                int line = (int) row.getRecordNumber() + 1;
                if (email.isEmpty()) {
                    problems.add(new ImportRejectedException.Row(line, "email is empty"));
                } else {
                    emails.add(email.toLowerCase(Locale.ROOT));
                    lines.add(line);
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw ImportRejectedException.file("The file could not be read as CSV: " + e.getMessage());
        }
        return enrolByEmail(cohortId, emails, lines, problems);
    }

    /**
     * Enrols the people whose emails are given one per line (as typed into a form). Every line
     * must name someone in the directory, or nobody is enrolled.
     */
    public int enrolEmails(long cohortId, String text) {
        List<String> emails = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] all = (text == null ? "" : text).split("\\R");
        if (all.length > MAX_CSV_ROWS) {
            throw ImportRejectedException.file("Enrol at most " + MAX_CSV_ROWS + " people at a time.");
        }
        for (int i = 0; i < all.length; i++) {
            String email = all[i].trim().replaceAll("[,;]+$", "");
            if (!email.isEmpty()) {
                emails.add(email.toLowerCase(Locale.ROOT));
                lines.add(i + 1);
            }
        }
        return enrolByEmail(cohortId, emails, lines, new ArrayList<>());
    }

    private int enrolByEmail(long cohortId, List<String> emails, List<Integer> lines, List<ImportRejectedException.Row> problems) {
        if (emails.isEmpty() && problems.isEmpty()) {
            throw ImportRejectedException.file("There is nobody to enrol: give at least one email address.");
        }
        return jdbi.inTransaction(h -> {
            cohortExists(h, cohortId);
            Map<String, Long> byEmail = new LinkedHashMap<>();
            h.createQuery("SELECT id, lower(email) AS email FROM people WHERE lower(email) = ANY(:emails)")
                    .bind("emails", emails.toArray(String[]::new))
                    .map((rs, ctx) -> Map.entry(rs.getString("email"), rs.getLong("id")))
                    .forEach(e -> byEmail.put(e.getKey(), e.getValue()));
            for (int i = 0; i < emails.size(); i++) {
                if (!byEmail.containsKey(emails.get(i))) {
                    problems.add(new ImportRejectedException.Row(lines.get(i), "nobody in the directory has the email " + emails.get(i)));
                }
            }
            if (!problems.isEmpty()) {
                problems.sort(java.util.Comparator.comparingLong(ImportRejectedException.Row::line));
                throw ImportRejectedException.rows(problems);
            }
            return insert(h, cohortId, emails.stream().map(byEmail::get).distinct().toList());
        });
    }

    /** Withdraws someone from the cohort; they leave their action learning set, whose ties with them end ({@link SetTies}). */
    public void withdraw(long cohortId, long personId) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("UPDATE enrolments SET status = 'withdrawn' WHERE cohort_id = :c AND person_id = :p")
                    .bind("c", cohortId).bind("p", personId).execute();
            if (n == 0) {
                throw new NotFoundException("That person is not on this cohort");
            }
            SetTies.withdrawn(h, cohortId, personId);
        });
    }

    /** Attendance for one module: person id to status, for everyone enrolled (unrecorded people are absent from the map). */
    public Map<Long, String> attendance(long moduleId) {
        Map<Long, String> result = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT person_id, status FROM attendance WHERE module_id = :m")
                .bind("m", moduleId).map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> result.put(e.getKey(), e.getValue())));
        return result;
    }

    /** Records attendance for a module in one transaction; every person must be enrolled on its cohort. */
    public void recordAttendance(long moduleId, Map<Long, String> statuses, Long recordedBy) {
        statuses.forEach((person, status) -> {
            if (!ATTENDANCE.contains(status)) {
                throw new ValidationException("Unknown attendance status",
                        Map.of("person-" + person, "Choose present, absent or apologies"));
            }
        });
        jdbi.useTransaction(h -> {
            long cohortId = h.createQuery("SELECT cohort_id FROM modules WHERE id = :m").bind("m", moduleId).mapTo(Long.class)
                    .findOne().orElseThrow(() -> new NotFoundException("No module with id " + moduleId));
            Set<Long> enrolled = new LinkedHashSet<>(h.createQuery("SELECT person_id FROM enrolments WHERE cohort_id = :c")
                    .bind("c", cohortId).mapTo(Long.class).list());
            for (Map.Entry<Long, String> e : statuses.entrySet()) {
                if (!enrolled.contains(e.getKey())) {
                    throw new ValidationException("Not on this cohort",
                            Map.of("person-" + e.getKey(), "Person " + e.getKey() + " is not enrolled on this cohort"));
                }
                h.createUpdate("INSERT INTO attendance (module_id, person_id, status, recorded_by) VALUES (:m, :p, :s, :by) "
                                + "ON CONFLICT (module_id, person_id) DO UPDATE SET status = excluded.status, "
                                + "recorded_by = excluded.recorded_by, recorded_at = now()")
                        .bind("m", moduleId).bind("p", e.getKey()).bind("s", e.getValue()).bind("by", recordedBy).execute();
            }
        });
    }

    private static void cohortExists(Handle h, long cohortId) {
        if (h.createQuery("SELECT count(*) FROM cohorts WHERE id = :id").bind("id", cohortId).mapTo(Integer.class).one() == 0) {
            throw new NotFoundException("No cohort with id " + cohortId);
        }
    }
}
