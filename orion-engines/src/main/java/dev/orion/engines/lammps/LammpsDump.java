package dev.orion.engines.lammps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Snapshots of a LAMMPS text dump ({@code dump custom}): timestep, the box (orthogonal or with
 * {@code xy xz yz} tilts, from its bounding box) and per-atom columns, rows sorted by atom id.
 */
final class LammpsDump {

    /** One snapshot. */
    record Snapshot(long step, double[][] box, List<String> columns, double[][] atoms) {
        double[] column3(int atom, String x, String y, String z) {
            return new double[] {atoms[atom][col(x)], atoms[atom][col(y)], atoms[atom][col(z)]};
        }

        int col(String name) {
            int i = columns.indexOf(name);
            if (i < 0) {
                throw new IllegalStateException("dump has no column " + name + ": " + columns);
            }
            return i;
        }
    }

    private LammpsDump() {
    }

    static List<Snapshot> parse(String text) {
        String[] lines = text.split("\r?\n");
        List<Snapshot> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("ITEM: TIMESTEP")) {
                i++;
                continue;
            }
            long step = Long.parseLong(lines[i + 1].trim());
            int n = Integer.parseInt(lines[i + 3].trim());
            String boxHeader = lines[i + 4];
            boolean tilted = boxHeader.contains("xy");
            double[][] bounds = new double[3][];
            for (int k = 0; k < 3; k++) {
                bounds[k] = Arrays.stream(lines[i + 5 + k].trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
            }
            double xy = tilted ? bounds[0][2] : 0;
            double xz = tilted ? bounds[1][2] : 0;
            double yz = tilted ? bounds[2][2] : 0;
            // bounding box -> box (LAMMPS manual, Howto triclinic)
            double xlo = bounds[0][0] - Math.min(Math.min(0, xy), Math.min(xz, xy + xz));
            double xhi = bounds[0][1] - Math.max(Math.max(0, xy), Math.max(xz, xy + xz));
            double ylo = bounds[1][0] - Math.min(0, yz);
            double yhi = bounds[1][1] - Math.max(0, yz);
            double zlo = bounds[2][0];
            double zhi = bounds[2][1];
            double[][] box = {{xhi - xlo, 0, 0}, {xy, yhi - ylo, 0}, {xz, yz, zhi - zlo}, {xlo, ylo, zlo}};
            List<String> columns = Arrays.asList(lines[i + 8].substring("ITEM: ATOMS".length()).trim().split("\\s+"));
            double[][] atoms = new double[n][];
            int idCol = columns.indexOf("id");
            for (int a = 0; a < n; a++) {
                double[] row = Arrays.stream(lines[i + 9 + a].trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
                int index = idCol >= 0 ? (int) row[idCol] - 1 : a;
                atoms[index] = row;
            }
            out.add(new Snapshot(step, box, List.copyOf(columns), atoms));
            i += 9 + n;
        }
        return out;
    }
}
