package org.convene.projects;

import java.time.LocalDate;

/** One value of a measure, for a date (a day, or the start of the week or month it stands for). */
public record Point(long id, long measureId, LocalDate date, double value, String note) {
}
