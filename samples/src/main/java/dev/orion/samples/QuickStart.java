package dev.orion.samples;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.io.ReadResult;
import dev.orion.io.Structures;
import dev.orion.store.PageRequest;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.structure.Lattice;
import dev.orion.structure.Molecule;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The main sample (the README's first command): reads the bundled example structures, prints a
 * readable summary of each, writes each structure in every other format, and keeps them in the
 * embedded store (an H2 file, ORION's zero-set-up default) under the tenant {@code demo}.
 *
 * <pre>
 * ./mvnw -q install -DskipTests &amp;&amp; ./mvnw -q -pl samples exec:java
 * </pre>
 *
 * <p>Output files and the embedded database go to the folder given as the first argument (default
 * {@code target/quickstart}).
 */
public final class QuickStart {

    private static final List<String> EXAMPLES = List.of("Cu.cif", "NaCl.cif", "Si.poscar", "water.xyz");
    private static final List<StructureFormat> OUTPUTS = List.of(StructureFormat.CIF, StructureFormat.POSCAR,
            StructureFormat.EXTXYZ, StructureFormat.LAMMPS_DATA, StructureFormat.PWSCF, StructureFormat.JSON);

    private QuickStart() {
    }

    /**
     * @param args optional output folder
     * @throws IOException if an output file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/quickstart");
        Files.createDirectories(out);
        try (Orion orion = Orion.builder().store(Stores.embedded(out.resolve("orion-data"))).build()) {
            OrionTenant demo = orion.tenant(TenantId.of("demo"), Principal.user("quickstart"));
            for (String name : EXAMPLES) {
                readConvertAndStore(name, out, demo);
            }
            System.out.println("The embedded store under " + out.resolve("orion-data") + " holds, for tenant demo:");
            for (StructureRecord r : demo.structures().query(StructureFilter.all(), PageRequest.first(20)).items()) {
                System.out.printf(Locale.ROOT, "  %-10s %-8s %3d sites  space group %-4s id %s%n", r.name(), r.reducedFormula(),
                        r.nsites(), r.spaceGroup().isPresent() ? r.spaceGroup().getAsInt() : "-", r.id());
            }
        }
    }

    private static void readConvertAndStore(String name, Path out, OrionTenant demo) throws IOException {
        ReadResult result = Structures.readAll(resource(name), name);
        System.out.println("== " + name + " ==");
        result.warnings().forEach(w -> System.out.println("warning: " + w));
        for (Molecule m : result.molecules()) {
            System.out.println(m);
        }
        for (Structure s : result.structures()) {
            System.out.println(s);
            System.out.printf(Locale.ROOT, "reduced formula %s, density %.3f g/cm3, %d sites%n",
                    s.composition().reducedFormula(), s.density(), s.size());
            String stem = name.substring(0, name.indexOf('.'));
            for (StructureFormat format : OUTPUTS) {
                Path file = out.resolve(stem + "." + extension(format));
                Structures.write(s, file, format);
                Structure back = Structures.read(file);
                System.out.printf(Locale.ROOT, "  wrote %-28s and read it back: %s%n", file, compare(s, back));
            }
            String formula = s.composition().reducedFormula();
            boolean stored = demo.structures().query(StructureFilter.all().withReducedFormula(formula), PageRequest.first(100))
                    .items().stream().anyMatch(r -> r.name().equals(stem));
            if (!stored) { // running the sample again keeps one copy
                demo.structures().save(stem, s);
            }
        }
        System.out.println();
    }

    /**
     * Says whether a structure read back is the same crystal: same lattice parameters, elements
     * and fractional coordinates. Formats may rotate the lattice (CIF and LAMMPS keep only the
     * parameters) and drop what they cannot hold (labels, oxidation states), which is named.
     */
    private static String compare(Structure original, Structure back) {
        Lattice a = original.lattice();
        Lattice b = back.lattice();
        boolean sameCell = Math.abs(a.a() - b.a()) < 1e-8 && Math.abs(a.b() - b.b()) < 1e-8
                && Math.abs(a.c() - b.c()) < 1e-8 && Math.abs(a.alpha() - b.alpha()) < 1e-6
                && Math.abs(a.beta() - b.beta()) < 1e-6 && Math.abs(a.gamma() - b.gamma()) < 1e-6;
        boolean sameSites = original.size() == back.size();
        boolean sameLabels = true;
        boolean sameSpecies = true;
        for (int i = 0; sameSites && i < original.size(); i++) {
            Site x = original.site(i);
            Site y = back.site(i);
            sameSites = x.mainSpecies().element() == y.mainSpecies().element()
                    && Math.abs(x.x() - y.x()) < 1e-8 && Math.abs(x.y() - y.y()) < 1e-8 && Math.abs(x.z() - y.z()) < 1e-8;
            sameLabels &= x.label().equals(y.label());
            sameSpecies &= x.species().equals(y.species());
        }
        if (!sameCell || !sameSites) {
            return "DIFFERENT crystal";
        }
        List<String> lost = new ArrayList<>();
        if (!sameSpecies) {
            lost.add("oxidation states");
        }
        if (!sameLabels) {
            lost.add("labels");
        }
        return lost.isEmpty() ? "same crystal" : "same crystal (the format does not keep " + String.join(", ", lost) + ")";
    }

    private static String extension(StructureFormat format) {
        return switch (format) {
            case CIF -> "cif";
            case POSCAR -> "vasp";
            case XYZ -> "xyz";
            case EXTXYZ -> "extxyz";
            case LAMMPS_DATA -> "lmp";
            case PWSCF -> "pwi";
            case JSON -> "json";
        };
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = QuickStart.class.getResourceAsStream("structures/" + name)) {
            if (in == null) {
                throw new IOException("bundled example not found: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
