package dev.orion.engines.calculix;

import dev.orion.OrionException;
import dev.orion.engine.Vector3;
import dev.orion.engine.continuum.Mesh;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Mesh} read from an Abaqus/CalculiX input file ({@code .inp}), with the ids the file gave its
 * nodes and elements (a {@code Mesh} numbers them 1, 2, ... in file order).
 *
 * <pre>{@code
 * InpMesh part = InpMesh.read(Path.of("bracket.inp"));
 * FiniteElement fe = FiniteElement.builder(part.mesh(), steel).constrain(Constraint.fixed("FIXED", 1))...;
 * int meshId = part.meshNodeId(1042);          // the node the file calls 1042
 * }</pre>
 *
 * <p>Read: {@code *NODE} (optionally {@code NSET=}), {@code *ELEMENT, TYPE=C3D8} (optionally {@code ELSET=}; a
 * line may continue on the next when it ends with a comma), {@code *NSET} with node ids, names of earlier node
 * sets, or {@code GENERATE} ranges, and {@code *ELSET} with element ids, names of earlier element sets, or
 * {@code GENERATE} ranges; the element sets are the mesh's {@link Mesh#elementSets()}, in mesh ids. Set names are
 * upper-cased, as CalculiX does. Other keywords and their data (materials, steps) are skipped. Refused, with a {@link CalculixFormatException} naming
 * the file and line: element types other than {@code C3D8} (a {@code Mesh} holds eight-node hexahedra
 * only), {@code *INCLUDE}, {@code *NSET, ELSET=}, malformed or non-finite numbers, duplicate or unknown
 * ids, and set names a {@code Mesh} cannot hold.
 *
 * @param mesh       the mesh
 * @param nodeIds    the file's id of each mesh node ({@code nodeIds.get(i)} is node {@code i + 1}'s)
 * @param elementIds the file's id of each mesh element
 */
public record InpMesh(Mesh mesh, List<Integer> nodeIds, List<Integer> elementIds) {

    /** A GENERATE range may list at most this many ids, so that a hostile range cannot exhaust memory. */
    private static final int MAX_RANGE = 10_000_000;

    /** Validates and copies. */
    public InpMesh {
        Objects.requireNonNull(mesh, "mesh");
        nodeIds = List.copyOf(nodeIds);
        elementIds = List.copyOf(elementIds);
        if (nodeIds.size() != mesh.nodes().size() || elementIds.size() != mesh.elements().size()) {
            throw new IllegalArgumentException("need one file id per node and element, got " + nodeIds.size() + " and "
                    + elementIds.size() + " for " + mesh.nodes().size() + " and " + mesh.elements().size());
        }
    }

    /**
     * @param file an {@code .inp} file
     * @return its mesh
     * @throws CalculixFormatException naming the line if the mesh cannot be read
     * @throws OrionException          if the file cannot be read at all
     */
    public static InpMesh read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.ISO_8859_1), file.getFileName().toString());
        } catch (IOException e) {
            throw new OrionException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param text   an input deck's text
     * @param source the name to give in errors, e.g. the file's name
     * @return its mesh
     * @throws CalculixFormatException naming the line if the mesh cannot be read
     */
    public static InpMesh parse(String text, String source) {
        return new Reader(source).read(text.split("\\R", -1));
    }

    /** @param fileId a node id as the file gives it  @return the mesh's id of that node  @throws IllegalArgumentException if the file has no such node */
    public int meshNodeId(int fileId) {
        int i = nodeIds.indexOf(fileId);
        if (i < 0) {
            throw new IllegalArgumentException("the file defines no node " + fileId);
        }
        return i + 1;
    }

    /** One pass over the lines; keeps the state of the keyword being read. */
    private static final class Reader {
        private final String source;
        private final List<Vector3> nodes = new ArrayList<>();
        private final List<Integer> nodeIds = new ArrayList<>();
        private final Map<Integer, Integer> meshNode = new HashMap<>();
        private final List<List<Integer>> elements = new ArrayList<>();
        private final List<Integer> elementIds = new ArrayList<>();
        private final Map<Integer, Integer> elementLine = new HashMap<>();
        private final Map<String, List<Integer>> sets = new LinkedHashMap<>();
        private final Map<Integer, Integer> meshElement = new HashMap<>();
        private final Map<String, List<Integer>> elementSets = new LinkedHashMap<>();
        /** The element being read when its line ended with a comma: id, node ids so far; and where it began. */
        private List<Integer> pending = null;
        private int pendingLine = 0;

        Reader(String source) {
            this.source = source;
        }

        InpMesh read(String[] lines) {
            String keyword = "";
            Map<String, String> params = Map.of();
            for (int n = 1; n <= lines.length; n++) {
                String line = lines[n - 1].strip();
                if (line.isEmpty() || line.startsWith("**")) {
                    continue;
                }
                if (line.startsWith("*")) {
                    if (pending != null) {
                        throw error(pendingLine, "element " + pending.get(0) + " has " + (pending.size() - 1)
                                + " nodes; a C3D8 element has 8");
                    }
                    String[] parts = line.substring(1).split(",");
                    keyword = parts[0].strip().toUpperCase(Locale.ROOT);
                    params = params(parts);
                    start(keyword, params, n);
                    continue;
                }
                switch (keyword) {
                    case "NODE" -> node(line, params.get("NSET"), n);
                    case "ELEMENT" -> element(line, params.get("ELSET"), n);
                    case "NSET" -> nodeSetLine(line, params, n);
                    case "ELSET" -> elementSetLine(line, params, n);
                    default -> { } // data of a keyword that does not define the mesh
                }
            }
            if (pending != null) {
                throw error(pendingLine, "element " + pending.get(0) + " ends the file with only " + (pending.size() - 1) + " nodes");
            }
            if (elements.isEmpty()) {
                throw error(0, "no C3D8 elements (*ELEMENT, TYPE=C3D8)");
            }
            Map<String, List<Integer>> meshSets = new LinkedHashMap<>();
            sets.forEach((name, ids) -> meshSets.put(name, List.copyOf(new java.util.LinkedHashSet<>(ids))));
            Map<String, List<Integer>> meshElementSets = new LinkedHashMap<>();
            elementSets.forEach((name, ids) -> meshElementSets.put(name, List.copyOf(new java.util.LinkedHashSet<>(ids))));
            return new InpMesh(new Mesh(nodes, elements, meshSets, meshElementSets), nodeIds, elementIds);
        }

        private Map<String, String> params(String[] parts) {
            Map<String, String> out = new HashMap<>();
            for (int k = 1; k < parts.length; k++) {
                String p = parts[k].strip();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                String key = (eq < 0 ? p : p.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
                out.put(key, eq < 0 ? "" : p.substring(eq + 1).strip());
            }
            return out;
        }

        private void start(String keyword, Map<String, String> params, int n) {
            if (keyword.equals("INCLUDE") || params.containsKey("INPUT")) {
                throw error(n, "*" + keyword + " reads another file; give a self-contained mesh");
            }
            if (keyword.equals("NODE") && params.containsKey("NSET")) {
                set(sets, params.get("NSET"), n);
            }
            if (keyword.equals("ELEMENT")) {
                String type = params.getOrDefault("TYPE", "").toUpperCase(Locale.ROOT);
                if (!type.equals("C3D8")) {
                    throw error(n, "element type " + (type.isEmpty() ? "(none given)" : type)
                            + " is not read; a Mesh holds C3D8 eight-node hexahedra only");
                }
                if (params.containsKey("ELSET")) {
                    set(elementSets, params.get("ELSET"), n);
                }
            }
            if (keyword.equals("ELSET")) {
                set(elementSets, params.get("ELSET"), n);
            }
            if (keyword.equals("NSET")) {
                if (params.containsKey("ELSET")) {
                    throw error(n, "*NSET with ELSET= (the nodes of elements) is not read; list the nodes");
                }
                set(sets, params.get("NSET"), n);
            }
        }

        private List<Integer> set(Map<String, List<Integer>> of, String name, int n) {
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
                throw error(n, "set name must be a letter then up to 79 letters, digits or _, got '" + name + "'");
            }
            return of.computeIfAbsent(name.toUpperCase(Locale.ROOT), k -> new ArrayList<>());
        }

        private void node(String line, String nset, int n) {
            String[] f = fields(line);
            if (f.length < 3 || f.length > 4) {
                throw error(n, "a node line is 'id, x, y[, z]', got '" + line + "'");
            }
            int id = integer(f[0], "a node id", n);
            if (meshNode.containsKey(id)) {
                throw error(n, "node " + id + " is defined twice");
            }
            nodes.add(new Vector3(number(f[1], n), number(f[2], n), f.length == 4 ? number(f[3], n) : 0));
            nodeIds.add(id);
            meshNode.put(id, nodes.size());
            if (nset != null) {
                sets.get(nset.toUpperCase(Locale.ROOT)).add(nodes.size());
            }
        }

        private void element(String line, String elset, int n) {
            String[] f = fields(line);
            List<Integer> ids = pending == null ? new ArrayList<>() : pending;
            if (pending == null) {
                pendingLine = n;
            }
            for (String t : f) {
                if (!t.isEmpty()) {
                    ids.add(integer(t, ids.isEmpty() ? "an element id" : "a node id", n));
                }
            }
            if (line.endsWith(",") && ids.size() < 9) {
                pending = ids;
                return;
            }
            pending = null;
            if (ids.size() != 9) {
                throw error(pendingLine, "element " + ids.get(0) + " has " + (ids.size() - 1) + " nodes; a C3D8 element has 8");
            }
            if (elementLine.putIfAbsent(ids.get(0), pendingLine) != null) {
                throw error(pendingLine, "element " + ids.get(0) + " is defined twice");
            }
            List<Integer> meshIds = new ArrayList<>();
            for (int id : ids.subList(1, 9)) {
                meshIds.add(meshNode(id, pendingLine, "element " + ids.get(0)));
            }
            elements.add(meshIds);
            elementIds.add(ids.get(0));
            meshElement.put(ids.get(0), elements.size());
            if (elset != null) {
                elementSets.get(elset.toUpperCase(Locale.ROOT)).add(elements.size());
            }
        }

        private void nodeSetLine(String line, Map<String, String> params, int n) {
            setLine(line, params, n, sets.get(params.get("NSET").toUpperCase(Locale.ROOT)), sets, "node",
                    id -> meshNode(id, n, "the set"));
        }

        private void elementSetLine(String line, Map<String, String> params, int n) {
            setLine(line, params, n, elementSets.get(params.get("ELSET").toUpperCase(Locale.ROOT)), elementSets, "element",
                    id -> meshElement(id, n));
        }

        /** A data line of {@code *NSET} or {@code *ELSET}: ids, names of earlier sets of the same kind, or a GENERATE range. */
        private void setLine(String line, Map<String, String> params, int n, List<Integer> set, Map<String, List<Integer>> earlier,
                             String kind, java.util.function.IntUnaryOperator meshId) {
            String[] f = fields(line);
            if (params.containsKey("GENERATE")) {
                if (f.length < 2 || f.length > 3) {
                    throw error(n, "a GENERATE line is 'first, last[, step]', got '" + line + "'");
                }
                long first = integer(f[0], "the first id", n);
                long last = integer(f[1], "the last id", n);
                long step = f.length == 3 ? integer(f[2], "the step", n) : 1;
                if (step < 1 || last < first || (last - first) / step >= MAX_RANGE) {
                    throw error(n, "GENERATE needs first <= last and a step >= 1 listing at most " + MAX_RANGE
                            + " ids, got " + first + ", " + last + ", " + step);
                }
                for (long id = first; id <= last; id += step) {
                    set.add(meshId.applyAsInt((int) id));
                }
                return;
            }
            for (String t : f) {
                if (t.isEmpty()) {
                    continue;
                }
                if (Character.isLetter(t.charAt(0))) {
                    List<Integer> other = earlier.get(t.toUpperCase(Locale.ROOT));
                    if (other == null) {
                        throw error(n, "no " + kind + " set '" + t + "' is defined before this line");
                    }
                    set.addAll(other);
                } else {
                    set.add(meshId.applyAsInt(integer(t, "a" + (kind.equals("element") ? "n " : " ") + kind + " id", n)));
                }
            }
        }

        private int meshElement(int fileId, int n) {
            Integer id = meshElement.get(fileId);
            if (id == null) {
                throw error(n, "the set refers to element " + fileId + ", which no *ELEMENT line before it defines");
            }
            return id;
        }

        private int meshNode(int fileId, int n, String what) {
            Integer id = meshNode.get(fileId);
            if (id == null) {
                throw error(n, what + " refers to node " + fileId + ", which no *NODE line before it defines");
            }
            return id;
        }

        private static String[] fields(String line) {
            String[] f = line.split(",", -1);
            for (int k = 0; k < f.length; k++) {
                f[k] = f[k].strip();
            }
            // a trailing comma ends the line without a further field
            return f.length > 0 && f[f.length - 1].isEmpty() ? java.util.Arrays.copyOf(f, f.length - 1) : f;
        }

        private int integer(String text, String what, int n) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error(n, "expected an integer for " + what + ", found '" + text + "'");
            }
        }

        private double number(String text, int n) {
            String t = text.replaceFirst("(?i)^([-+]?[0-9.]+)d([-+]?\\d+)$", "$1E$2");
            if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                double v = Double.parseDouble(t);
                if (Double.isFinite(v)) {
                    return v;
                }
            }
            throw error(n, "expected a finite number for a coordinate, found '" + text + "'");
        }

        private CalculixFormatException error(int line, String reason) {
            return new CalculixFormatException(source, line, reason);
        }
    }
}
