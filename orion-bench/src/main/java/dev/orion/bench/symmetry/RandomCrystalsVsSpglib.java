package dev.orion.bench.symmetry;

import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import dev.orion.symmetry.SpaceGroupType;
import dev.orion.analysis.symmetry.SpaceGroups;
import dev.orion.analysis.symmetry.Symmetry;
import dev.orion.symmetry.SymmetryException;
import dev.orion.symmetry.SymmetryOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Cross-check of ORION's space groups against python3-spglib on seeded random crystals: a random
 * type, lattice parameters of its system, one or two orbits (general or on a 1/8 grid), often
 * with Gaussian noise up to 1e-3 (fractional), analysed at a random symprec between 1e-5 and
 * 0.3 Å and a random angle tolerance (or spglib's default). Writes the cases with ORION's answer
 * (number, or ERR for a SymmetryException) to a file, runs spglib on the same cases, and prints
 * the agreement and every difference.
 *
 * <pre>
 * scripts/bench dev.orion.bench.symmetry.RandomCrystalsVsSpglib [SEED] [COUNT]
 * </pre>
 */
public final class RandomCrystalsVsSpglib {

    private RandomCrystalsVsSpglib() {
    }

    /**
     * @param args optional seed (default 1) and number of crystals (default 3000)
     * @throws Exception if the cases cannot be written or spglib cannot be run
     */
    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Random rnd = new Random(seed);
        Path cases = Files.createTempFile("random_crystals", ".txt");
        int errors = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(cases))) {
            for (int i = 0; i < count; i++) {
                Structure s = crystal(rnd);
                double symprec = Math.pow(10, -5 + 4.5 * rnd.nextDouble());
                double angle = rnd.nextBoolean() ? -1 : 0.1 + 5 * rnd.nextDouble();
                String answer;
                try {
                    answer = String.valueOf(Symmetry.of(s, symprec, angle).spaceGroupNumber());
                } catch (SymmetryException e) {
                    answer = "ERR";
                    errors++;
                }
                StringBuilder line = new StringBuilder(symprec + " " + angle + " " + answer);
                for (double[] row : s.lattice().matrix()) {
                    for (double v : row) {
                        line.append(' ').append(v);
                    }
                }
                line.append(' ').append(s.size());
                for (int k = 0; k < s.size(); k++) {
                    double[] f = s.frac(k);
                    line.append(' ').append(s.site(k).specie().element().z())
                            .append(' ').append(f[0]).append(' ').append(f[1]).append(' ').append(f[2]);
                }
                out.println(line);
            }
        }
        System.out.printf("%d crystals (seed %d), %d SymmetryExceptions; comparing with spglib%n", count, seed, errors);
        Path script = Files.createTempFile("spglib_compare", ".py");
        try (InputStream in = RandomCrystalsVsSpglib.class.getResourceAsStream("spglib_compare.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), cases.toString())
                .redirectErrorStream(true).start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        Files.deleteIfExists(script);
        Files.deleteIfExists(cases);
        if (code != 0) {
            throw new IllegalStateException("spglib run failed (exit " + code + "): " + report
                    + "\ninstall it with: apt-get install python3-spglib");
        }
        System.out.print(report);
    }

    private static Structure crystal(Random rnd) {
        SpaceGroupType type = SpaceGroups.byNumber(1 + rnd.nextInt(230));
        List<SymmetryOperation> ops = SpaceGroups.operations(type);
        double a = 2.5 + 4 * rnd.nextDouble();
        Lattice lattice = switch (type.crystalSystem()) {
            case CUBIC -> Lattice.cubic(a);
            case HEXAGONAL, TRIGONAL -> Lattice.hexagonal(a, a * (0.5 + 2 * rnd.nextDouble()));
            case TETRAGONAL -> Lattice.tetragonal(a, a * (0.5 + 2 * rnd.nextDouble()));
            case ORTHORHOMBIC -> Lattice.orthorhombic(a, a * (0.5 + rnd.nextDouble()), a * (0.5 + rnd.nextDouble()));
            case MONOCLINIC -> Lattice.fromParameters(a, a * (0.5 + rnd.nextDouble()), a * (0.5 + rnd.nextDouble()),
                    90, 90 + 40 * rnd.nextDouble(), 90);
            default -> Lattice.fromParameters(a, a * (0.6 + rnd.nextDouble()), a * (0.6 + rnd.nextDouble()),
                    70 + 40 * rnd.nextDouble(), 70 + 40 * rnd.nextDouble(), 70 + 40 * rnd.nextDouble());
        };
        StructureBuilder b = Structure.builder().lattice(lattice);
        double noise = rnd.nextInt(3) == 0 ? 1e-3 * rnd.nextDouble() : 0;
        List<double[]> placed = new ArrayList<>();
        int orbits = 1 + rnd.nextInt(2);
        for (int o = 0; o < orbits; o++) {
            double[] x = new double[3];
            for (int c = 0; c < 3; c++) {
                x[c] = rnd.nextInt(4) == 0 ? rnd.nextInt(8) / 8.0 : rnd.nextDouble();
            }
            for (SymmetryOperation op : ops) {
                double[] y = op.apply(x);
                boolean duplicate = false;
                for (double[] z : placed) {
                    double d = 0;
                    for (int c = 0; c < 3; c++) {
                        double e = z[c] - y[c];
                        d += Math.abs(e - Math.rint(e));
                    }
                    duplicate |= d < 1e-6;
                }
                if (!duplicate) {
                    placed.add(y);
                    b.addSite(Element.ofZ(3 + o), y[0] + noise * rnd.nextGaussian(), y[1] + noise * rnd.nextGaussian(),
                            y[2] + noise * rnd.nextGaussian());
                }
            }
        }
        return b.build();
    }
}
