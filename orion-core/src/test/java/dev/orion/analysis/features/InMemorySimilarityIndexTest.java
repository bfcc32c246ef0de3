package dev.orion.analysis.features;

import dev.orion.features.SimilarityIndex;
import dev.orion.features.SimilarityMatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.structure.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemorySimilarityIndexTest {

    private static SimilarityIndex syntheticSet() {
        SimilarityIndex index = InMemorySimilarityIndex.create();
        index.add("NaCl-5.50", TestStructures.rockSalt(Element.Na, Element.Cl, 5.50));
        index.add("NaCl-5.60", TestStructures.rockSalt(Element.Na, Element.Cl, 5.60));
        index.add("NaCl-5.80", TestStructures.rockSalt(Element.Na, Element.Cl, 5.80));
        index.add("NaCl-CsCl-type", TestStructures.cesiumChloride(Element.Na, Element.Cl, 3.37));
        index.add("KCl", TestStructures.rockSalt(Element.K, Element.Cl, 6.29));
        index.add("Fe-bcc", TestStructures.bcc(Element.Fe, 2.87));
        index.add("Cu-fcc", TestStructures.fcc(Element.Cu, 3.61));
        index.add("Mo-bcc", TestStructures.bcc(Element.Mo, 3.147));
        return index;
    }

    @Test
    void nearestNeighboursAreTheRightOnes() {
        SimilarityIndex index = syntheticSet();
        assertThat(index.size()).isEqualTo(8);
        List<SimilarityMatch> best = index.nearest(TestStructures.rockSalt(Element.Na, Element.Cl, 5.62), 3);
        assertThat(best).extracting(SimilarityMatch::id).containsExactly("NaCl-5.60", "NaCl-5.50", "NaCl-5.80");
        assertThat(best.get(0).distance()).isLessThan(best.get(1).distance());

        List<SimilarityMatch> iron = index.nearest(TestStructures.bcc(Element.Fe, 2.87).supercell(2, 2, 2), 1);
        assertThat(iron).hasSize(1);
        assertThat(iron.get(0).id()).isEqualTo("Fe-bcc");
        assertThat(iron.get(0).distance()).isLessThan(1e-12);
    }

    @Test
    void kLargerThanTheIndexReturnsEverythingSorted() {
        SimilarityIndex index = syntheticSet();
        List<SimilarityMatch> all = index.nearest(TestStructures.fcc(Element.Cu, 3.61), 100);
        assertThat(all).hasSize(8);
        assertThat(all.get(0).id()).isEqualTo("Cu-fcc");
        for (int k = 1; k < all.size(); k++) {
            assertThat(all.get(k).distance()).isGreaterThanOrEqualTo(all.get(k - 1).distance());
        }
    }

    @Test
    void concurrentAddsAndQueriesAreSafe() throws Exception {
        SimilarityIndex index = InMemorySimilarityIndex.create();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int k = 0; k < 15; k++) {
                        index.add("t" + thread + "-" + k, TestStructures.bcc(Element.Fe, 2.8 + 0.01 * k));
                        assertThat(index.nearest(TestStructures.bcc(Element.Fe, 2.8), 3)).isNotEmpty();
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.size()).isEqualTo(60);
        assertThat(index.nearest(TestStructures.bcc(Element.Fe, 2.8), 4)).extracting(SimilarityMatch::distance)
                .containsOnly(0.0);
    }

    @Test
    void replaceRemoveAndValidate() {
        SimilarityIndex index = syntheticSet();
        index.add("Fe-bcc", TestStructures.fcc(Element.Cu, 3.61));
        assertThat(index.size()).isEqualTo(8);
        // two identical Cu entries now: ties are broken by id
        assertThat(index.nearest(TestStructures.fcc(Element.Cu, 3.61), 2)).extracting(SimilarityMatch::id)
                .containsExactly("Cu-fcc", "Fe-bcc");
        assertThat(index.remove("Fe-bcc")).isTrue();
        assertThat(index.remove("Fe-bcc")).isFalse();
        assertThat(index.size()).isEqualTo(7);
        assertThatThrownBy(() -> index.nearest(TestStructures.fcc(Element.Cu, 3.61), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be positive");
        assertThatThrownBy(() -> index.add(" ", TestStructures.fcc(Element.Cu, 3.61)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThat(InMemorySimilarityIndex.create().nearest(TestStructures.fcc(Element.Cu, 3.61), 3)).isEmpty();
    }
}
