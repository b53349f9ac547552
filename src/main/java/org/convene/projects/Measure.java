package org.convene.projects;

/**
 * A project's measure. Its run chart's median is of the first {@code baselinePoints} points, or of
 * all of them when that is null.
 */
public record Measure(long id, long projectId, String name, MeasureKind kind, String unit, Better better, String definition,
                      Integer baselinePoints, int points) {
}
