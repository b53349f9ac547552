package org.convene.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Development aid: would a multinomial Naive Bayes on words and bigrams, trained on tuning comments,
 * add anything to the rules? Five-fold cross-validation inside the TUNING split only.
 */
final class NaiveBayesExperiment {
    static List<String> features(String comment) {
        List<String> words = new ArrayList<>();
        for (String t : Tokenizer.tokens(comment)) {
            if (!Tokenizer.isPunctuation(t)) {
                words.add(t);
            }
        }
        List<String> out = new ArrayList<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            out.add(words.get(i) + "_" + words.get(i + 1));
        }
        return out;
    }

    record Model(Map<String, double[]> counts, double[] totals, double[] priors, int vocabulary) {
        double[] logProbabilities(String comment) {
            double[] lp = new double[3];
            for (int c = 0; c < 3; c++) {
                lp[c] = Math.log(priors[c]);
                for (String f : features(comment)) {
                    double[] k = counts.get(f);
                    if (k != null) {
                        lp[c] += Math.log((k[c] + 1) / (totals[c] + vocabulary));
                    }
                }
            }
            return lp;
        }
    }

    static Model train(List<LabelledComments> rows) {
        Map<String, double[]> counts = new HashMap<>();
        double[] totals = new double[3];
        double[] priors = new double[3];
        for (LabelledComments r : rows) {
            int c = r.label().ordinal();
            priors[c]++;
            for (String f : features(r.comment())) {
                counts.computeIfAbsent(f, k -> new double[3])[c]++;
                totals[c]++;
            }
        }
        for (int c = 0; c < 3; c++) {
            priors[c] /= rows.size();
        }
        return new Model(counts, totals, priors, counts.size());
    }

    public static void main(String[] args) {
        List<LabelledComments> tune = new ArrayList<>(LabelledComments.split("tune"));
        Collections.shuffle(tune, new Random(7));
        SentimentAnalyser rules = SentimentAnalyser.standard();
        double[] betas = {0, 0.1, 0.2, 0.3, 0.5};
        int[] right = new int[betas.length];
        int nbRight = 0;
        for (int fold = 0; fold < 5; fold++) {
            List<LabelledComments> train = new ArrayList<>();
            List<LabelledComments> test = new ArrayList<>();
            for (int i = 0; i < tune.size(); i++) {
                (i % 5 == fold ? test : train).add(tune.get(i));
            }
            Model nb = train(train);
            for (LabelledComments r : test) {
                double[] lp = nb.logProbabilities(r.comment());
                int arg = 0;
                for (int c = 1; c < 3; c++) {
                    if (lp[c] > lp[arg]) {
                        arg = c;
                    }
                }
                if (arg == r.label().ordinal()) {
                    nbRight++;
                }
                double valence = rules.valence(r.comment());
                for (int b = 0; b < betas.length; b++) {
                    double s = Sentiment.normalise(valence + betas[b] * (lp[0] - lp[1]), 15);
                    Sentiment.Label label = s >= 0.2 ? Sentiment.Label.POSITIVE : s <= -0.2 ? Sentiment.Label.NEGATIVE
                            : Sentiment.Label.NEUTRAL;
                    if (label == r.label()) {
                        right[b]++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "NB alone (5-fold CV on tune): accuracy %.3f%n", (double) nbRight / tune.size());
        for (int b = 0; b < betas.length; b++) {
            System.out.printf(Locale.ROOT, "rules + %.1f x NB margin: accuracy %.3f%n", betas[b], (double) right[b] / tune.size());
        }
    }
}
