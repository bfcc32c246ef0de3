package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.store.TenantStores;
import dev.orion.store.VectorEntry;
import dev.orion.store.VectorIndex;
import dev.orion.store.VectorMatch;
import dev.orion.store.VectorMetric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link VectorIndex}: every backend returns the top-k that a brute-force scan in this
 * test computes, for both metrics; dimensions are enforced; nothing crosses tenants.
 */
public abstract class VectorIndexContract extends ContractSupport {

    static final int DIM = 16;

    static float[] random(Random r, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    static List<VectorEntry> randomEntries(long seed, int n, String prefix) {
        Random r = new Random(seed);
        List<VectorEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new VectorEntry(prefix + i, random(r, DIM), Map.of("n", Integer.toString(i))));
        }
        return out;
    }

    /** The reference answer: every distance in double precision, sorted by distance then id. */
    static List<VectorMatch> bruteForce(List<VectorEntry> entries, float[] q, int k, VectorMetric metric) {
        List<VectorMatch> all = new ArrayList<>();
        for (VectorEntry e : entries) {
            float[] v = e.vector();
            double dot = 0, nq = 0, nv = 0, l2 = 0;
            for (int i = 0; i < v.length; i++) {
                dot += (double) q[i] * v[i];
                nq += (double) q[i] * q[i];
                nv += (double) v[i] * v[i];
                l2 += ((double) q[i] - v[i]) * ((double) q[i] - v[i]);
            }
            double d = metric == VectorMetric.COSINE ? 1 - dot / Math.sqrt(nq * nv) : Math.sqrt(l2);
            all.add(new VectorMatch(e.id(), Math.max(0, d), e.metadata()));
        }
        all.sort(Comparator.comparingDouble(VectorMatch::distance).thenComparing(VectorMatch::id));
        return all.subList(0, Math.min(k, all.size()));
    }

    static void assertSameMatches(List<VectorMatch> actual, List<VectorMatch> expected) {
        assertThat(actual).extracting(VectorMatch::id).containsExactlyElementsOf(expected.stream().map(VectorMatch::id).toList());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).distance()).isCloseTo(expected.get(i).distance(), within(1e-5));
            assertThat(actual.get(i).metadata()).isEqualTo(expected.get(i).metadata());
        }
    }

    @Test
    void upsertGetReplaceRemoveAndSize() {
        VectorIndex x = newTenant().vectors();
        assertThat(x.size("fp")).isZero();
        assertThat(x.dimension("fp")).isEmpty();
        x.upsert("fp", List.of(new VectorEntry("a", new float[] {1, 2, 3}, Map.of("formula", "NaCl")), VectorEntry.of("b", new float[] {0, 0, 1})));
        assertThat(x.size("fp")).isEqualTo(2);
        assertThat(x.dimension("fp")).isEqualTo(OptionalInt.of(3));
        assertThat(x.get("fp", "a").orElseThrow()).isEqualTo(new VectorEntry("a", new float[] {1, 2, 3}, Map.of("formula", "NaCl")));
        x.upsert("fp", List.of(VectorEntry.of("a", new float[] {-1, 0.5f, 1e-7f})));
        assertThat(x.get("fp", "a").orElseThrow().vector()).containsExactly(-1, 0.5f, 1e-7f);
        assertThat(x.get("fp", "a").orElseThrow().metadata()).isEmpty();
        assertThat(x.size("fp")).isEqualTo(2);
        assertThat(x.get("other", "a")).isEmpty();
        assertThat(x.remove("fp", "a")).isTrue();
        assertThat(x.remove("fp", "a")).isFalse();
        assertThat(x.size("fp")).isEqualTo(1);
        x.upsert("fp", List.of());
        assertThat(x.size("fp")).isEqualTo(1);
    }

    @Test
    void nearestIsTheBruteForceTopKForBothMetrics() {
        VectorIndex x = newTenant().vectors();
        List<VectorEntry> entries = randomEntries(42, 300, "v");
        x.upsert("emb", entries.subList(0, 150));
        x.upsert("emb", entries.subList(150, 300));
        Random r = new Random(7);
        for (int q = 0; q < 5; q++) {
            float[] query = random(r, DIM);
            for (VectorMetric m : VectorMetric.values()) {
                assertSameMatches(x.nearest("emb", query, 10, m), bruteForce(entries, query, 10, m));
            }
        }
        float[] stored = entries.get(17).vector();
        List<VectorMatch> self = x.nearest("emb", stored, 1, VectorMetric.EUCLIDEAN);
        assertThat(self.get(0).id()).isEqualTo("v17");
        assertThat(self.get(0).distance()).isCloseTo(0, within(1e-6));
        assertThat(x.nearest("emb", stored, 1000, VectorMetric.COSINE)).hasSize(300);
        assertThat(x.nearest("missing", stored, 3, VectorMetric.COSINE)).isEmpty();
    }

    @Test
    void tiesAreBrokenById() {
        VectorIndex x = newTenant().vectors();
        x.upsert("t", List.of(VectorEntry.of("c", new float[] {1, 0}), VectorEntry.of("a", new float[] {2, 0}),
                VectorEntry.of("b", new float[] {3, 0}), VectorEntry.of("z", new float[] {0, 1})));
        assertThat(x.nearest("t", new float[] {1, 0}, 3, VectorMetric.COSINE)).extracting(VectorMatch::id).containsExactly("a", "b", "c");
        assertThat(x.nearest("t", new float[] {1, 0}, 2, VectorMetric.EUCLIDEAN)).extracting(VectorMatch::id).containsExactly("c", "a");
    }

    @Test
    void wrongDimensionsAndBadArgumentsAreRefusedAndChangeNothing() {
        VectorIndex x = newTenant().vectors();
        x.upsert("fp", List.of(VectorEntry.of("a", new float[] {1, 2, 3})));
        assertThatThrownBy(() -> x.upsert("fp", List.of(VectorEntry.of("b", new float[] {1, 2, 3}), VectorEntry.of("c", new float[] {1, 2}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 2").hasMessageContaining("fp");
        assertThatThrownBy(() -> x.upsert("fp", List.of(VectorEntry.of("b", new float[] {1, 2, 3}), VectorEntry.of("b", new float[] {1, 2, 4}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'");
        assertThat(x.size("fp")).as("a refused batch stores nothing").isEqualTo(1);
        assertThatThrownBy(() -> x.nearest("fp", new float[] {1, 2}, 3, VectorMetric.COSINE)).hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> x.nearest("fp", new float[] {1, Float.NaN, 3}, 3, VectorMetric.COSINE)).hasMessageContaining("finite");
        assertThatThrownBy(() -> x.nearest("fp", new float[] {0, 0, 0}, 3, VectorMetric.COSINE)).hasMessageContaining("zeros");
        assertThatThrownBy(() -> x.nearest("fp", new float[] {1, 2, 3}, 0, VectorMetric.COSINE)).hasMessageContaining("k must be");
        assertThatThrownBy(() -> x.nearest("fp", new float[] {1, 2, 3}, 1001, VectorMetric.COSINE)).hasMessageContaining("k must be");
        assertThatThrownBy(() -> x.size(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collection");
        assertThatThrownBy(() -> VectorEntry.of("n", new float[] {Float.POSITIVE_INFINITY})).hasMessageContaining("finite");
        assertThatThrownBy(() -> VectorEntry.of("n", new float[0])).hasMessageContaining("components");
        assertThatThrownBy(() -> VectorEntry.of("n", new float[VectorEntry.MAX_DIMENSION + 1])).hasMessageContaining("components");
    }

    @Test
    void collectionsAreSeparateAndDropIsAudited() {
        TenantStores t = newTenant();
        VectorIndex x = t.vectors();
        x.upsert("a", List.of(VectorEntry.of("1", new float[] {1, 0})));
        x.upsert("b", List.of(VectorEntry.of("1", new float[] {1, 0, 0, 0})));
        long audits = auditCount(t);
        assertThat(x.dropCollection("a")).isEqualTo(1);
        assertThat(x.size("a")).isZero();
        assertThat(x.size("b")).isEqualTo(1);
        assertThat(auditCount(t)).isEqualTo(audits + 1);
        x.upsert("a", List.of(VectorEntry.of("1", new float[] {1, 0, 0})));
        assertThat(x.dimension("a")).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void nothingIsVisibleAcrossTenants() {
        VectorIndex crowd = newTenant().vectors();
        VectorIndex mine = newTenant().vectors();
        // the other tenant holds many vectors right next to the query; mine are further away
        Random r = new Random(3);
        float[] query = random(r, DIM);
        List<VectorEntry> near = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            float[] v = query.clone();
            v[i % DIM] += (float) (0.01 * r.nextGaussian());
            near.add(VectorEntry.of("shared-" + i, v));
        }
        crowd.upsert("emb", near);
        List<VectorEntry> own = randomEntries(11, 30, "shared-");
        mine.upsert("emb", own);
        for (VectorMetric m : VectorMetric.values()) {
            assertSameMatches(mine.nearest("emb", query, 10, m), bruteForce(own, query, 10, m));
        }
        assertThat(mine.size("emb")).isEqualTo(30);
        assertThat(mine.get("emb", "shared-100")).isEmpty();
        assertThat(mine.remove("emb", "shared-100")).isFalse();
        assertThat(crowd.size("emb")).isEqualTo(400);
        assertThat(mine.dropCollection("emb")).isEqualTo(30);
        assertThat(crowd.size("emb")).isEqualTo(400);
        assertThat(mine.nearest("emb", query, 5, VectorMetric.COSINE)).isEmpty();
    }
}
