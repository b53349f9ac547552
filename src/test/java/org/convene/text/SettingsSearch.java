package org.convene.text;

import java.util.List;
import java.util.Locale;

/** Development aid: a small grid search of SentimentAnalyser settings on the TUNING split only. */
final class SettingsSearch {
    public static void main(String[] args) {
        List<LabelledComments> tune = LabelledComments.split("tune");
        Lexicon lexicon = Lexicon.feedback();
        SentimentAnalyser.Settings d = SentimentAnalyser.Settings.DEFAULT;
        double best = 0;
        for (double before : new double[] {0.5, 0.75, 1.0}) {
            for (double after : new double[] {1.0, 1.25, 1.5}) {
                for (double cb : new double[] {0.75, 1.0}) {
                    for (double ca : new double[] {0.75, 1.0, 1.25}) {
                        for (double threshold : new double[] {0.15, 0.2, 0.25, 0.3}) {
                            for (double mixed : new double[] {0.2, 0.35, 0.5}) {
                                SentimentAnalyser.Settings s = new SentimentAnalyser.Settings(d.negation(), d.boost(),
                                        d.dampen(), d.tooValence(), before, after, cb, ca, d.wwwMinimum(), d.ebiMinimum(),
                                        d.ebiNothing(), mixed, d.exclamation(), d.alpha(), threshold, threshold);
                                SentimentAnalyser a = new SentimentAnalyser(lexicon, s);
                                Metrics m = Metrics.of(tune, c -> a.analyse(c).label());
                                if (true) {
                                    best = Math.max(best, m.macroF1());
                                    System.out.printf(Locale.ROOT, "%.3f %.3f but %.2f/%.2f concession %.2f/%.2f t=%.2f mixed=%.2f%n",
                                            m.macroF1(), m.accuracy(), before, after, cb, ca, threshold, mixed);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
