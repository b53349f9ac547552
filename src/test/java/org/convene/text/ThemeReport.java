package org.convene.text;

import java.util.List;
import java.util.Locale;

/** Development aid: theme accuracy and misassigned comments on the TUNING split only. */
final class ThemeReport {
    public static void main(String[] args) {
        List<LabelledComments> tune = LabelledComments.split("tune");
        Themes themes = Themes.standard();
        int right = 0;
        for (LabelledComments row : tune) {
            String theme = themes.theme(row.comment());
            if (theme.equals(row.theme())) {
                right++;
            } else {
                System.out.printf(Locale.ROOT, "%-13s -> %-13s %s%n", row.theme(), theme, row.comment());
            }
        }
        System.out.printf(Locale.ROOT, "tune theme accuracy %.3f (%d/%d)%n", (double) right / tune.size(), right, tune.size());
    }
}
