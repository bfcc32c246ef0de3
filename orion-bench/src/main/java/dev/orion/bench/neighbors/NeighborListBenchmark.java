package dev.orion.bench.neighbors;

import dev.orion.analysis.neighbors.NeighborList;
import dev.orion.analysis.neighbors.Neighbors;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Neighbour list of bcc Mo (a = 3.147 Å) within 4 Å, the workload of pymatgen's published
 * neighbour-list timings (0.04 / 0.24 / 2.37 s for 1k / 10k / 100k atoms). Run through
 * {@link NeighborListBench#main}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NeighborListBenchmark {

    /** Lattice parameter of bcc Mo, Å. */
    static final double A = 3.147;
    /** Cutoff radius, Å. */
    static final double CUTOFF = 4.0;

    /** Number of atoms: exactly 1k, 10k and 100k (supercells of the 2-atom cubic cell). */
    @Param({"1000", "10000", "100000"})
    public int atoms;

    private Structure structure;

    /** Builds the supercell once per trial, outside the measured time. */
    @Setup
    public void setUp() {
        structure = molybdenum(atoms);
    }

    /** A bcc Mo supercell of exactly {@code atoms} atoms, as close to cubic as the factors allow. */
    static Structure molybdenum(int atoms) {
        Structure cell = Structure.builder().lattice(Lattice.cubic(A))
                .addSite(Element.Mo, 0, 0, 0).addSite(Element.Mo, 0.5, 0.5, 0.5).build();
        return switch (atoms) {
            case 1000 -> cell.supercell(5, 10, 10);
            case 10000 -> cell.supercell(10, 20, 25);
            case 100000 -> cell.supercell(25, 40, 50);
            default -> throw new IllegalArgumentException("atoms must be 1000, 10000 or 100000, got " + atoms);
        };
    }

    /** The full list (each bond from both ends), as pymatgen's {@code get_neighbor_list} returns. */
    @Benchmark
    public NeighborList fullList() {
        return Neighbors.full(structure, CUTOFF);
    }

    /** The half list (each bond once). */
    @Benchmark
    public NeighborList halfList() {
        return Neighbors.half(structure, CUTOFF);
    }
}
