package dev.orion.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.OrionException;
import dev.orion.io.ReadResult;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Path;

/**
 * Command-line inspection of structure files: one JSON object per structure on stdout.
 *
 * <pre>
 * ./mvnw -q -pl samples exec:java -Dexec.mainClass=dev.orion.samples.Inspect -Dexec.args="Cu.cif POSCAR"
 * </pre>
 *
 * <p>Each object has {@code file}, {@code block} (the index of the structure in its file),
 * {@code formula} (element amounts in the full cell), {@code sites}, {@code a}, {@code b},
 * {@code c}, {@code alpha}, {@code beta}, {@code gamma}, {@code volume}, {@code warnings}; a file
 * that cannot be read gives one object with {@code file} and {@code error}. The exit code is 0
 * when every file was read, 1 otherwise.
 */
public final class Inspect {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Inspect() {
    }

    /**
     * @param args the structure files to inspect
     * @throws Exception if stdout cannot be written
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Inspect FILE...");
            System.exit(2);
        }
        boolean allRead = true;
        for (String arg : args) {
            for (ObjectNode line : inspect(Path.of(arg))) {
                allRead &= !line.has("error");
                System.out.println(JSON.writeValueAsString(line));
            }
        }
        System.exit(allRead ? 0 : 1);
    }

    /**
     * @param file a structure file
     * @return one JSON object per structure in it, or one object with an {@code error}
     */
    static java.util.List<ObjectNode> inspect(Path file) {
        java.util.List<ObjectNode> out = new java.util.ArrayList<>();
        try {
            ReadResult result = Structures.readAll(file);
            int index = 0;
            for (Structure s : result.structures()) {
                ObjectNode o = JSON.createObjectNode();
                o.put("file", file.toString());
                o.put("block", index++);
                ObjectNode formula = o.putObject("formula");
                for (Element e : s.composition().elements()) {
                    formula.put(e.symbol(), s.composition().amount(e));
                }
                o.put("sites", s.size());
                Lattice l = s.lattice();
                o.put("a", l.a());
                o.put("b", l.b());
                o.put("c", l.c());
                o.put("alpha", l.alpha());
                o.put("beta", l.beta());
                o.put("gamma", l.gamma());
                o.put("volume", l.volume());
                var warnings = o.putArray("warnings");
                result.warnings().forEach(w -> warnings.add(w.toString()));
                out.add(o);
            }
            if (out.isEmpty()) {
                out.add(error(file, "no periodic structure in the file"));
            }
        } catch (OrionException | IllegalArgumentException e) {
            out.clear();
            out.add(error(file, e.getMessage()));
        }
        return out;
    }

    private static ObjectNode error(Path file, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("file", file.toString());
        o.put("error", message);
        return o;
    }
}
