package org.convene.text;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Accuracy, per-class F1, macro-F1 and the confusion matrix of a three-way sentiment labelling. */
record Metrics(int[][] confusion, int total) {
    static final Sentiment.Label[] LABELS = {Sentiment.Label.POSITIVE, Sentiment.Label.NEGATIVE, Sentiment.Label.NEUTRAL};

    static Metrics of(List<LabelledComments> rows, Function<String, Sentiment.Label> labeller) {
        int[][] confusion = new int[3][3];
        for (LabelledComments row : rows) {
            confusion[index(row.label())][index(labeller.apply(row.comment()))]++;
        }
        return new Metrics(confusion, rows.size());
    }

    private static int index(Sentiment.Label label) {
        for (int i = 0; i < LABELS.length; i++) {
            if (LABELS[i] == label) {
                return i;
            }
        }
        throw new IllegalArgumentException(String.valueOf(label));
    }

    double accuracy() {
        int right = 0;
        for (int i = 0; i < 3; i++) {
            right += confusion[i][i];
        }
        return total == 0 ? 0 : (double) right / total;
    }

    double f1(int c) {
        int tp = confusion[c][c];
        int predicted = 0;
        int actual = 0;
        for (int i = 0; i < 3; i++) {
            predicted += confusion[i][c];
            actual += confusion[c][i];
        }
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double recall = actual == 0 ? 0 : (double) tp / actual;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    double macroF1() {
        return (f1(0) + f1(1) + f1(2)) / 3;
    }

    String summary() {
        return String.format(Locale.ROOT, "n=%d accuracy=%.3f macro-F1=%.3f (F1 positive %.3f, negative %.3f, neutral %.3f)",
                total, accuracy(), macroF1(), f1(0), f1(1), f1(2));
    }

    /** Rows are the true labels, columns the predicted ones. */
    String confusionTable() {
        StringBuilder out = new StringBuilder("| true \\ predicted | positive | negative | neutral |\n|---|---|---|---|\n");
        for (int i = 0; i < 3; i++) {
            out.append("| ").append(LABELS[i].code());
            for (int j = 0; j < 3; j++) {
                out.append(" | ").append(confusion[i][j]);
            }
            out.append(" |\n");
        }
        return out.toString();
    }
}
