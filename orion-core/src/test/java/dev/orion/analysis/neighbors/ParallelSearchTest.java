package dev.orion.analysis.neighbors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Large structures are searched on all cores; the list must be the one-core list, pair for pair. */
class ParallelSearchTest {

    @Test
    void parallelListEqualsTheSerialStreamPairForPair() {
        Element cu = Element.of("Cu");
        Random random = new Random(11);
        var b = Structure.builder().lattice(Lattice.of(new double[][] {{36.1, 0, 0}, {3.0, 36.1, 0}, {1.5, -2.0, 36.1}}));
        for (int i = 0; i < 5000; i++) {
            b.addSite(cu, random.nextDouble(), random.nextDouble(), random.nextDouble());
        }
        Structure s = b.build();
        for (boolean half : new boolean[] {true, false}) {
            NeighborList list = half ? Neighbors.half(s, 4.0) : Neighbors.full(s, 4.0);
            PairCollector serial = new PairCollector(0);
            new CellListSearch(s, 4.0).search(half, serial);
            NeighborList one = serial.toList(s.size(), 4.0, half);
            assertThat(list.size()).isEqualTo(one.size()).isGreaterThan(10_000);
            assertThat(list.centers()).isEqualTo(one.centers());
            assertThat(list.neighborIndices())
                    .isEqualTo(one.neighborIndices());
            assertThat(list.images()).isEqualTo(one.images());
            assertThat(list.distances()).isEqualTo(one.distances());
        }
    }
}
