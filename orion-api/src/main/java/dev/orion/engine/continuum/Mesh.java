package dev.orion.engine.continuum;

import dev.orion.engine.Vector3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mesh of eight-node hexahedra (CalculiX/Abaqus {@code C3D8}, nodes numbered as Abaqus does:
 * the bottom face counter-clockwise seen from above, then the top face), with named node sets that
 * constraints and loads refer to. Node {@code i} of {@link #nodes()} has id {@code i + 1}; element
 * {@code j} of {@link #elements()} has id {@code j + 1}.
 *
 * <pre>{@code
 * Mesh bar = Mesh.block(1.0, 0.1, 0.1, 20, 2, 2);   // sets XMIN, XMAX, YMIN, YMAX, ZMIN, ZMAX
 * Mesh quarter = Mesh.plateWithHole(0.05, 0.005, 0.001, 16, 24, 1, 1.15);   // plus HOLE
 * }</pre>
 *
 * <p>Element sets name groups of elements, as the {@code *ELSET} of a deck read by {@code InpMesh}; ORION's own
 * meshes have none. A calculation puts one material on every element; the sets are kept so that a deck's regions
 * can be found (e.g. to read the result of the elements of one set).
 *
 * @param nodes       node coordinates
 * @param elements    the node ids of each element, eight per element
 * @param nodeSets    named sets of node ids (names of letters, digits and underscores)
 * @param elementSets named sets of element ids (names as for node sets)
 */
public record Mesh(List<Vector3> nodes, List<List<Integer>> elements, Map<String, List<Integer>> nodeSets,
                   Map<String, List<Integer>> elementSets) {

    /**
     * A mesh without element sets.
     *
     * @param nodes    node coordinates
     * @param elements the node ids of each element, eight per element
     * @param nodeSets named sets of node ids
     */
    public Mesh(List<Vector3> nodes, List<List<Integer>> elements, Map<String, List<Integer>> nodeSets) {
        this(nodes, elements, nodeSets, Map.of());
    }

    /** Validates and copies. */
    public Mesh {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("nodes must not be empty");
        }
        List<List<Integer>> els = new ArrayList<>();
        for (List<Integer> e : elements) {
            if (e.size() != 8) {
                throw new IllegalArgumentException("element " + (els.size() + 1) + " has " + e.size()
                        + " nodes; a C3D8 hexahedron has 8");
            }
            checkIds("element " + (els.size() + 1), e, "node", nodes.size());
            els.add(List.copyOf(e));
        }
        if (els.isEmpty()) {
            throw new IllegalArgumentException("elements must not be empty");
        }
        elements = List.copyOf(els);
        nodeSets = sets(nodeSets, "node", nodes.size());
        elementSets = sets(elementSets, "element", elements.size());
    }

    private static Map<String, List<Integer>> sets(Map<String, List<Integer>> given, String kind, int count) {
        Map<String, List<Integer>> sets = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : given.entrySet()) {
            if (!e.getKey().matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
                throw new IllegalArgumentException(kind + " set name must be a letter then letters, digits or _, got '"
                        + e.getKey() + "'");
            }
            checkIds(kind + " set " + e.getKey(), e.getValue(), kind, count);
            sets.put(e.getKey(), List.copyOf(e.getValue()));
        }
        return java.util.Collections.unmodifiableMap(sets);
    }

    private static void checkIds(String what, List<Integer> ids, String kind, int count) {
        for (Integer id : ids) {
            if (id == null || id < 1 || id > count) {
                throw new IllegalArgumentException(what + " refers to " + kind + " " + id + "; ids run from 1 to " + count);
            }
        }
    }

    /**
     * A rectangular block {@code [0, lx] x [0, ly] x [0, lz]} divided into {@code nx * ny * nz} equal
     * hexahedra, with the node sets {@code XMIN, XMAX, YMIN, YMAX, ZMIN, ZMAX} (its faces) and
     * {@code ORIGIN} (the node at the origin).
     *
     * @param lx length along x (> 0)
     * @param ly length along y (> 0)
     * @param lz length along z (> 0)
     * @param nx divisions along x (>= 1)
     * @param ny divisions along y (>= 1)
     * @param nz divisions along z (>= 1)
     * @return the mesh
     */
    public static Mesh block(double lx, double ly, double lz, int nx, int ny, int nz) {
        double[] size = {lx, ly, lz};
        int[] div = {nx, ny, nz};
        for (int k = 0; k < 3; k++) {
            if (!(size[k] > 0) || !Double.isFinite(size[k])) {
                throw new IllegalArgumentException("block length " + "xyz".charAt(k) + " must be finite and > 0, got " + size[k]);
            }
            if (div[k] < 1) {
                throw new IllegalArgumentException("block divisions along " + "xyz".charAt(k) + " must be >= 1, got " + div[k]);
            }
        }
        List<Vector3> nodes = new ArrayList<>();
        Map<String, List<Integer>> sets = new LinkedHashMap<>();
        for (String s : List.of("XMIN", "XMAX", "YMIN", "YMAX", "ZMIN", "ZMAX", "ORIGIN")) {
            sets.put(s, new ArrayList<>());
        }
        for (int k = 0; k <= nz; k++) {
            for (int j = 0; j <= ny; j++) {
                for (int i = 0; i <= nx; i++) {
                    nodes.add(new Vector3(lx * i / nx, ly * j / ny, lz * k / nz));
                    int id = nodes.size();
                    addIf(sets, "XMIN", i == 0, id);
                    addIf(sets, "XMAX", i == nx, id);
                    addIf(sets, "YMIN", j == 0, id);
                    addIf(sets, "YMAX", j == ny, id);
                    addIf(sets, "ZMIN", k == 0, id);
                    addIf(sets, "ZMAX", k == nz, id);
                    addIf(sets, "ORIGIN", i == 0 && j == 0 && k == 0, id);
                }
            }
        }
        List<List<Integer>> elements = new ArrayList<>();
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int n0 = 1 + i + (nx + 1) * (j + (ny + 1) * k);
                    int up = (nx + 1) * (ny + 1);
                    int row = nx + 1;
                    elements.add(List.of(n0, n0 + 1, n0 + 1 + row, n0 + row,
                            n0 + up, n0 + 1 + up, n0 + 1 + row + up, n0 + row + up));
                }
            }
        }
        return new Mesh(nodes, elements, sets);
    }

    /**
     * A quarter of a square plate with a central circular hole, the classic stress-concentration
     * part: the region {@code x, y >= 0} of a plate {@code [-w, w]^2} with a hole of radius
     * {@code r} at the origin, {@code t} thick. Hexahedra fan out from the hole to the outer edges
     * in {@code around} sectors (even, so the corner {@code (w, w)} is a node) and {@code radial}
     * rings that grow geometrically (each {@code growth} times the last), {@code layers} through the
     * thickness. Node sets: {@code HOLE} (the hole's surface), {@code XMIN} and {@code YMIN} (the
     * symmetry planes x = 0 and y = 0), {@code XMAX} and {@code YMAX} (the outer edges),
     * {@code ZMIN} and {@code ZMAX}.
     *
     * <pre>{@code
     * Mesh quarter = Mesh.plateWithHole(0.05, 0.005, 0.001, 16, 24, 1, 1.15);
     * // tension along x: XMIN fixed in x, YMIN in y, ZMIN in z, Load.force("XMAX", 1, sigma * w * t)
     * }</pre>
     *
     * @param w      half the plate's width (> r)
     * @param r      the hole's radius (> 0)
     * @param t      the thickness (> 0)
     * @param radial rings from the hole to the edge (>= 1)
     * @param around sectors over the quarter circle (even, >= 2)
     * @param layers layers through the thickness (>= 1)
     * @param growth ratio of successive ring widths (>= 1; 1 for equal rings)
     * @return the mesh
     */
    public static Mesh plateWithHole(double w, double r, double t, int radial, int around, int layers, double growth) {
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("hole radius must be finite and > 0, got " + r);
        }
        if (!(w > r) || !Double.isFinite(w)) {
            throw new IllegalArgumentException("plate half-width must be finite and > the hole radius " + r + ", got " + w);
        }
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("thickness must be finite and > 0, got " + t);
        }
        if (radial < 1 || layers < 1) {
            throw new IllegalArgumentException("radial and layers must be >= 1, got " + radial + " and " + layers);
        }
        if (around < 2 || around % 2 != 0) {
            throw new IllegalArgumentException("around must be even and >= 2, got " + around);
        }
        if (!(growth >= 1) || !Double.isFinite(growth)) {
            throw new IllegalArgumentException("growth must be finite and >= 1, got " + growth);
        }
        List<Vector3> nodes = new ArrayList<>();
        Map<String, List<Integer>> sets = new LinkedHashMap<>();
        for (String s : List.of("HOLE", "XMIN", "YMIN", "XMAX", "YMAX", "ZMIN", "ZMAX")) {
            sets.put(s, new ArrayList<>());
        }
        double total = growth == 1 ? radial : (Math.pow(growth, radial) - 1) / (growth - 1);
        for (int k = 0; k <= layers; k++) {
            double z = t * k / layers;
            for (int j = 0; j <= around; j++) {
                double theta = Math.PI / 2 * j / around;
                double cos = j == around ? 0 : Math.cos(theta);
                double sin = j == 0 ? 0 : Math.sin(theta);
                // the outer point on x = w up to 45 degrees, on y = w beyond
                double ox = 2 * j <= around ? w : w * cos / sin;
                double oy = 2 * j <= around ? w * sin / cos : w;
                if (2 * j == around) {
                    ox = w;
                    oy = w;
                }
                for (int i = 0; i <= radial; i++) {
                    double f = i == radial ? 1 : (growth == 1 ? i : (Math.pow(growth, i) - 1) / (growth - 1)) / total;
                    double x = j == around ? 0 : r * cos + f * (ox - r * cos);
                    double y = j == 0 ? 0 : r * sin + f * (oy - r * sin);
                    nodes.add(new Vector3(x, y, z));
                    int id = nodes.size();
                    addIf(sets, "HOLE", i == 0, id);
                    addIf(sets, "XMIN", j == around, id);
                    addIf(sets, "YMIN", j == 0, id);
                    addIf(sets, "XMAX", i == radial && 2 * j <= around, id);
                    addIf(sets, "YMAX", i == radial && 2 * j >= around, id);
                    addIf(sets, "ZMIN", k == 0, id);
                    addIf(sets, "ZMAX", k == layers, id);
                }
            }
        }
        List<List<Integer>> elements = new ArrayList<>();
        int row = radial + 1;
        int up = row * (around + 1);
        for (int k = 0; k < layers; k++) {
            for (int j = 0; j < around; j++) {
                for (int i = 0; i < radial; i++) {
                    int n0 = 1 + i + row * j + up * k;
                    elements.add(List.of(n0, n0 + 1, n0 + 1 + row, n0 + row,
                            n0 + up, n0 + 1 + up, n0 + 1 + row + up, n0 + row + up));
                }
            }
        }
        return new Mesh(nodes, elements, sets);
    }

    private static void addIf(Map<String, List<Integer>> sets, String name, boolean on, int id) {
        if (on) {
            sets.get(name).add(id);
        }
    }

    /** @param name a node set  @return its node ids  @throws IllegalArgumentException if there is no such set */
    public List<Integer> nodeSet(String name) {
        List<Integer> ids = nodeSets.get(Objects.requireNonNull(name, "name"));
        if (ids == null) {
            throw new IllegalArgumentException("no node set '" + name + "'; have " + nodeSets.keySet());
        }
        return ids;
    }

    /** @param name an element set  @return its element ids  @throws IllegalArgumentException if there is no such set */
    public List<Integer> elementSet(String name) {
        List<Integer> ids = elementSets.get(Objects.requireNonNull(name, "name"));
        if (ids == null) {
            throw new IllegalArgumentException("no element set '" + name + "'; have " + elementSets.keySet());
        }
        return ids;
    }

    /** @param id a node id (from 1)  @return its position */
    public Vector3 node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("node id must be in 1.." + nodes.size() + ", got " + id);
        }
        return nodes.get(id - 1);
    }
}
