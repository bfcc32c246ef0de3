package dev.orion.bench.io;

import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * Heap bytes per site of a one-million-site ordered structure (a 63 x 63 x 63 fcc Cu supercell,
 * 1,000,188 sites), measured as the retained heap after full garbage collections.
 *
 * <pre>
 * scripts/bench dev.orion.bench.io.StructureMemory
 * </pre>
 */
public final class StructureMemory {

    private StructureMemory() {
    }

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        int n = 63;
        double a = 3.615;
        StructureBuilder builder = Structure.builder().lattice(Lattice.cubic(a * n));
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (double[] b : basis) {
                        builder.addSite(Element.Cu, (i + b[0]) / n, (j + b[1]) / n, (k + b[2]) / n);
                    }
                }
            }
        }
        Structure structure = builder.build();
        builder = null;
        long after = usedAfterGc(memory);
        double perSite = (after - before) / (double) structure.size();
        System.out.printf(Locale.ROOT, "sites=%d retained_bytes=%d bytes_per_site=%.1f (target <= 150)%n",
                structure.size(), after - before, perSite);
        Reference.reachabilityFence(structure);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
