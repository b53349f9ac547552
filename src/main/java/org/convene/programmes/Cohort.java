package org.convene.programmes;

import java.time.LocalDate;

/** One intake of a programme (about 30 people) meeting for a series of modules. */
public record Cohort(long id, long programmeId, String programmeTitle, String name, LocalDate startsOn,
                     LocalDate endsOn, boolean anonymous, int enrolled, int modules) {
}
