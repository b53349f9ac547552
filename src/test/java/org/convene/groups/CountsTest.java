package org.convene.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void theHashTableAgreesWithAMapThroughAddsAndRemovals() {
        // 3,000 groups x 2,000 values is past the dense limit.
        Counts counts = new Counts(3_000, 2_000);
        Map<Long, Integer> reference = new HashMap<>();
        SplittableRandom r = new SplittableRandom(1);
        for (int step = 0; step < 100_000; step++) {
            int g = r.nextInt(300);
            int v = r.nextInt(50);
            long key = g * 2_000L + v;
            int current = reference.getOrDefault(key, 0);
            int delta = current > 0 && r.nextInt(3) == 0 ? -1 : 1;
            counts.add(g, v, delta);
            reference.merge(key, delta, Integer::sum);
            if (step % 4_999 == 0) {
                for (int x = 0; x < 300; x++) {
                    for (int y = 0; y < 50; y += 7) {
                        assertThat(counts.get(x, y)).isEqualTo(reference.getOrDefault(x * 2_000L + y, 0));
                    }
                }
            }
        }
        reference.forEach((key, value) -> assertThat(counts.get((int) (key / 2_000), (int) (key % 2_000))).isEqualTo(value));
    }

    @Test
    void theDenseTableCounts() {
        Counts counts = new Counts(4, 3);
        counts.add(1, 2, 1);
        counts.add(1, 2, 1);
        counts.add(3, 0, 1);
        counts.add(1, 2, -1);
        assertThat(counts.get(1, 2)).isEqualTo(1);
        assertThat(counts.get(3, 0)).isEqualTo(1);
        assertThat(counts.get(0, 0)).isZero();
    }
}
