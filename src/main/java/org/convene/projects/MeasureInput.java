package org.convene.projects;

import java.util.Locale;
import org.convene.errors.Errors;
import org.convene.web.Coded;
import org.convene.web.Text;

/**
 * A new or changed measure: its name, kind (outcome, process or balancing), unit, which way is
 * better (higher or lower), how it is defined, and how many of its first points make the baseline
 * (null: the median is of all points).
 */
public record MeasureInput(String name, String kind, String unit, String better, String definition, Integer baselinePoints) {

    public record Valid(String name, MeasureKind kind, String unit, Better better, String definition, Integer baselinePoints) {
    }

    public Valid validated() {
        Errors errors = new Errors();
        String cleanName = Text.singleLine(name);
        if (cleanName.isEmpty()) {
            errors.add("name", "Enter the measure's name, for example Falls per 1,000 bed days");
        } else if (cleanName.length() > 200) {
            errors.add("name", "Name must be 200 characters or fewer");
        }
        MeasureKind cleanKind = Coded.fromCode(MeasureKind.class, Text.singleLine(kind).toLowerCase(Locale.ROOT)).orElse(null);
        if (cleanKind == null) {
            errors.add("kind", "Choose the kind of measure: " + Coded.codes(MeasureKind.class));
        }
        String cleanUnit = Text.singleLine(unit);
        if (cleanUnit.length() > 60) {
            errors.add("unit", "Unit must be 60 characters or fewer");
        }
        Better cleanBetter = Coded.fromCode(Better.class, Text.singleLine(better).toLowerCase(Locale.ROOT)).orElse(null);
        if (cleanBetter == null) {
            errors.add("better", "Say which way is better: " + Coded.codes(Better.class));
        }
        String cleanDefinition = Text.multiLine(definition);
        if (cleanDefinition.length() > 2000) {
            errors.add("definition", "Definition must be 2,000 characters or fewer");
        }
        if (baselinePoints != null && (baselinePoints < 1 || baselinePoints > 1000)) {
            errors.add("baselinePoints", "The baseline must be from 1 to 1,000 points, or left blank for all points");
        }
        errors.throwIfAny();
        return new Valid(cleanName, cleanKind, cleanUnit, cleanBetter, cleanDefinition, baselinePoints);
    }
}
