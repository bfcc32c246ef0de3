package dev.orion.io.lammps;

import dev.orion.io.StructureWriter;
import dev.orion.structure.Element;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a structure as a LAMMPS data file that {@code read_data} accepts.
 *
 * <p>Layout: a title line (the formula), {@code N atoms}, {@code N atom types}, the box with its
 * origin at 0 and, for a non-orthogonal cell, the {@code xy xz yz} tilts; {@code Masses} with a
 * {@code # Symbol} comment per type; {@code Atoms # atomic} ({@code id type x y z}), or
 * {@code Atoms # charge} ({@code id type q x y z}) when any site has a numeric {@code "charge"}
 * property (0 for sites without one); {@code Velocities} when any site has a {@code "velocity"}
 * property (three numbers; 0 0 0 for sites without one).
 *
 * <p>Conventions: atom types are numbered by each element's first appearance in the structure;
 * atom ids are 1..N in site order; masses are the standard atomic masses; numbers are written with
 * Java's shortest exact representation, so nothing is lost.
 *
 * <p>The cell: LAMMPS boxes have a along x and b in the xy plane, so a general lattice is rotated
 * into that frame (velocities rotate with it). Fractional coordinates and lattice parameters are
 * unchanged by the rotation, and {@link LammpsDataReader} reads them back equal. Two cases change
 * the basis (not the crystal): tilts larger than LAMMPS allows ({@code |xy|, |xz| > lx/2},
 * {@code |yz| > ly/2}) are reduced by whole lattice vectors, and a left-handed cell gets -c. Positions
 * are wrapped into the box. Not written: site labels, oxidation states (types are per element),
 * other properties. Disordered structures cannot be written: {@link IllegalArgumentException}.
 */
public final class LammpsDataWriter implements StructureWriter {

    /** Creates the writer; it is stateless and thread-safe. */
    public LammpsDataWriter() {
    }

    @Override
    public StructureFormat format() {
        return StructureFormat.LAMMPS_DATA;
    }

    @Override
    public String write(Structure structure) {
        int n = structure.size();
        if (n == 0) {
            throw new IllegalArgumentException("structure has no sites; a LAMMPS data file needs at least one atom");
        }
        Map<Element, Integer> types = new LinkedHashMap<>();
        boolean charged = false;
        boolean moving = false;
        for (int i = 0; i < n; i++) {
            Site site = structure.site(i);
            if (!site.isOrdered()) {
                throw new IllegalArgumentException("site " + i + " is disordered (" + site.species()
                        + "); LAMMPS data files cannot express partial occupancy");
            }
            types.putIfAbsent(site.specie().element(), types.size() + 1);
            Map<String, Object> props = site.properties();
            charged |= props.get("charge") instanceof Number;
            moving |= props.containsKey("velocity");
        }
        LammpsBox box = LammpsBox.of(structure.lattice());
        StringBuilder out = new StringBuilder(256 + 90 * n);
        out.append(structure.formula()).append(" (written by ORION)\n\n");
        out.append(n).append(" atoms\n").append(types.size()).append(" atom types\n\n");
        out.append("0.0 ").append(box.lx).append(" xlo xhi\n");
        out.append("0.0 ").append(box.ly).append(" ylo yhi\n");
        out.append("0.0 ").append(box.lz).append(" zlo zhi\n");
        if (box.triclinic()) {
            out.append(box.xy).append(' ').append(box.xz).append(' ').append(box.yz).append(" xy xz yz\n");
        }
        out.append("\nMasses\n\n");
        types.forEach((element, type) -> out.append(type).append(' ').append(element.atomicMass()).append(" # ")
                .append(element.symbol()).append('\n'));
        out.append("\nAtoms # ").append(charged ? "charge" : "atomic").append("\n\n");
        for (int i = 0; i < n; i++) {
            Site site = structure.site(i);
            double[] cart = box.cartesian(box.fractional(site.frac()));
            out.append(i + 1).append(' ').append(types.get(site.specie().element()));
            if (charged) {
                Object q = site.properties().get("charge");
                out.append(' ').append(q instanceof Number num ? num.doubleValue() : 0.0);
            }
            out.append(' ').append(cart[0]).append(' ').append(cart[1]).append(' ').append(cart[2]).append('\n');
        }
        if (moving) {
            out.append("\nVelocities\n\n");
            for (int i = 0; i < n; i++) {
                double[] v = box.rotate(velocity(structure.site(i), i));
                out.append(i + 1).append(' ').append(v[0]).append(' ').append(v[1]).append(' ').append(v[2]).append('\n');
            }
        }
        return out.toString();
    }

    private static double[] velocity(Site site, int index) {
        Object value = site.properties().get("velocity");
        if (value == null) {
            return new double[3];
        }
        if (value instanceof List<?> list && list.size() == 3 && list.stream().allMatch(Number.class::isInstance)) {
            return new double[] {((Number) list.get(0)).doubleValue(), ((Number) list.get(1)).doubleValue(),
                ((Number) list.get(2)).doubleValue()};
        }
        throw new IllegalArgumentException("site " + index + " property velocity must be three numbers, was " + value);
    }
}
