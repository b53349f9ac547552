package org.convene.projects;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.Errors;
import org.convene.errors.ImportRejectedException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.transfer.Columns;
import org.convene.transfer.CsvImport;
import org.convene.transfer.CsvRow;
import org.convene.web.Coded;
import org.convene.web.Html;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Data access for a project's measures and their data points, one at a time or from a CSV file (all or nothing). */
public final class Measures {
    /** A measure's points come one per date: years of weekly data fit easily. */
    public static final int MAX_CSV_ROWS = 1000;
    static final Columns CSV_COLUMNS = new Columns(List.of("date", "value", "note"), List.of("date", "value"), List.of());
    private static final String MEASURE = "SELECT x.id, x.project_id, x.name, x.kind, x.unit, x.direction, x.definition, x.baseline_points, "
            + "(SELECT count(*) FROM measure_points mp WHERE mp.measure_id = x.id) AS points FROM project_measures x ";

    private final Jdbi jdbi;

    public Measures(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Measure> list(long projectId) {
        return jdbi.withHandle(h -> h.createQuery(MEASURE + "WHERE x.project_id = :p "
                        + "ORDER BY array_position(ARRAY['outcome', 'process', 'balancing'], x.kind), x.id")
                .bind("p", projectId).map((rs, ctx) -> measure(rs)).list());
    }

    public Measure get(long id) {
        return jdbi.withHandle(h -> find(h, id)).orElseThrow(() -> new NotFoundException("No measure with id " + id));
    }

    private static Optional<Measure> find(Handle h, long id) {
        return h.createQuery(MEASURE + "WHERE x.id = :id").bind("id", id).map((rs, ctx) -> measure(rs)).findOne();
    }

    public Measure create(long projectId, MeasureInput.Valid input) {
        long id = jdbi.inTransaction(h -> {
            Projects.lock(h, projectId);
            nameFree(h, projectId, input.name(), null);
            long measureId = h.createUpdate("INSERT INTO project_measures (project_id, name, kind, unit, direction, definition, baseline_points) "
                            + "VALUES (:p, :name, :kind, :unit, :better, :definition, :baseline)")
                    .bind("p", projectId).bindMap(params(input))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Projects.touch(h, projectId);
            return measureId;
        });
        return get(id);
    }

    public Measure update(long id, MeasureInput.Valid input) {
        Measure measure = get(id);
        jdbi.useTransaction(h -> {
            Projects.lock(h, measure.projectId());
            nameFree(h, measure.projectId(), input.name(), id);
            h.createUpdate("UPDATE project_measures SET name = :name, kind = :kind, unit = :unit, direction = :better, "
                            + "definition = :definition, baseline_points = :baseline WHERE id = :id")
                    .bindMap(params(input)).bind("id", id).execute();
            Projects.touch(h, measure.projectId());
        });
        return get(id);
    }

    /** Removes a measure with all its data. */
    public void delete(long id) {
        Measure measure = get(id);
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM project_measures WHERE id = :id").bind("id", id).execute();
            Projects.touch(h, measure.projectId());
        });
    }

    private static Map<String, Object> params(MeasureInput.Valid input) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", input.name());
        p.put("kind", input.kind().code());
        p.put("unit", input.unit());
        p.put("better", input.better().code());
        p.put("definition", input.definition());
        p.put("baseline", input.baselinePoints());
        return p;
    }

    private static void nameFree(Handle h, long projectId, String name, Long except) {
        Optional<Long> same = h.createQuery("SELECT id FROM project_measures WHERE project_id = :p AND lower(name) = lower(:name)")
                .bind("p", projectId).bind("name", name).mapTo(Long.class).findOne();
        if (same.isPresent() && !same.get().equals(except)) {
            throw new ConflictException("This project already has a measure called '" + name + "'");
        }
    }

    // Points

    public List<Point> points(long measureId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, measure_id, period, value, note FROM measure_points WHERE measure_id = :m "
                        + "ORDER BY period").bind("m", measureId).map((rs, ctx) -> point(rs)).list());
    }

    public Point point(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, measure_id, period, value, note FROM measure_points WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> point(rs)).findOne()).orElseThrow(() -> new NotFoundException("No data point with id " + id));
    }

    /** Adds one value; a date that already has one is a conflict (remove that point first to correct it). */
    public Point addPoint(long measureId, PointInput.Valid input, Long recordedBy) {
        long id = jdbi.inTransaction(h -> {
            long projectId = lockMeasure(h, measureId);
            if (taken(h, measureId, List.of(input.date())).contains(input.date())) {
                throw new ConflictException("There is already a value for " + Html.date(input.date())
                        + ": remove it first to replace it");
            }
            long pointId = insert(h, measureId, input, recordedBy);
            Projects.touch(h, projectId);
            return pointId;
        });
        return point(id);
    }

    /**
     * Adds the points of a CSV file (header date,value and optionally note), all or nothing: any row
     * that is wrong, a date twice in the file, or a date that already has a value rejects the whole
     * file with every problem by line number. Returns how many points were added.
     */
    public int importCsv(long measureId, InputStream csv, Long recordedBy) {
        CsvImport.Sheet sheet = CsvImport.read(csv, CSV_COLUMNS, MAX_CSV_ROWS);
        List<ImportRejectedException.Row> problems = new ArrayList<>();
        List<PointInput.Valid> points = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Map<LocalDate, Long> seen = new HashMap<>();
        for (CsvRow row : sheet.rows()) {
            if (row.problem() != null) {
                problems.add(new ImportRejectedException.Row(row.line(), row.problem()));
                continue;
            }
            Errors errors = new Errors();
            Double value = PointInput.number(errors, "value", row.get("value"));
            PointInput.Valid point = null;
            if (errors.isEmpty()) {
                point = new PointInput(row.get("date"), value, row.get("note")).check(errors);
            }
            try {
                errors.throwIfAny();
            } catch (ValidationException e) {
                problems.add(new ImportRejectedException.Row(row.line(), String.join("; ", e.fieldErrors().values())));
                continue;
            }
            Long earlier = seen.putIfAbsent(point.date(), row.line());
            if (earlier != null) {
                problems.add(new ImportRejectedException.Row(row.line(), "the date " + point.date() + " is also on line " + earlier));
                continue;
            }
            points.add(point);
            lines.add(row.line());
        }
        return jdbi.inTransaction(h -> {
            long projectId = lockMeasure(h, measureId);
            List<LocalDate> taken = taken(h, measureId, points.stream().map(PointInput.Valid::date).toList());
            for (int i = 0; i < points.size(); i++) {
                if (taken.contains(points.get(i).date())) {
                    problems.add(new ImportRejectedException.Row(lines.get(i), "there is already a value for " + points.get(i).date()
                            + " (leave the row out, or remove that point first)"));
                }
            }
            if (!problems.isEmpty()) {
                problems.sort(java.util.Comparator.comparingLong(ImportRejectedException.Row::line));
                throw ImportRejectedException.rows(problems);
            }
            for (PointInput.Valid p : points) {
                insert(h, measureId, p, recordedBy);
            }
            Projects.touch(h, projectId);
            return points.size();
        });
    }

    public void deletePoint(long pointId) {
        Point point = point(pointId);
        jdbi.useTransaction(h -> {
            long projectId = lockMeasure(h, point.measureId());
            h.createUpdate("DELETE FROM measure_points WHERE id = :id").bind("id", pointId).execute();
            Projects.touch(h, projectId);
        });
    }

    /** Locks the measure's project (one change to its data at a time); returns the project's id. */
    private static long lockMeasure(Handle h, long measureId) {
        long projectId = h.createQuery("SELECT project_id FROM project_measures WHERE id = :id").bind("id", measureId)
                .mapTo(Long.class).findOne().orElseThrow(() -> new NotFoundException("No measure with id " + measureId));
        Projects.lock(h, projectId);
        return projectId;
    }

    private static List<LocalDate> taken(Handle h, long measureId, List<LocalDate> dates) {
        return h.createQuery("SELECT period FROM measure_points WHERE measure_id = :m AND period = ANY(:dates::date[])")
                .bind("m", measureId).bind("dates", dates.stream().map(LocalDate::toString).toArray(String[]::new))
                .mapTo(LocalDate.class).list();
    }

    private static long insert(Handle h, long measureId, PointInput.Valid p, Long recordedBy) {
        return h.createUpdate("INSERT INTO measure_points (measure_id, period, value, note, recorded_by) VALUES (:m, :d, :v, :n, :by)")
                .bind("m", measureId).bind("d", p.date()).bind("v", p.value()).bind("n", p.note()).bind("by", recordedBy)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    // Mapping

    private static Measure measure(ResultSet rs) throws SQLException {
        int read = rs.getInt("baseline_points");
        Integer baseline = rs.wasNull() ? null : read;
        return new Measure(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"), Coded.of(MeasureKind.class, rs.getString("kind")),
                rs.getString("unit"), Coded.of(Better.class, rs.getString("direction")), rs.getString("definition"),
                baseline, rs.getInt("points"));
    }

    private static Point point(ResultSet rs) throws SQLException {
        return new Point(rs.getLong("id"), rs.getLong("measure_id"), Rows.date(rs, "period"), rs.getDouble("value"), rs.getString("note"));
    }
}
