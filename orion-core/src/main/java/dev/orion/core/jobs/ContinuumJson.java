package dev.orion.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.OrionException;
import dev.orion.engine.continuum.Analysis;
import dev.orion.engine.continuum.Constraint;
import dev.orion.engine.continuum.ContinuumResult;
import dev.orion.engine.continuum.DoubleWell;
import dev.orion.engine.continuum.Elasticity;
import dev.orion.engine.continuum.Load;
import dev.orion.engine.continuum.Material;
import dev.orion.engine.continuum.Mesh;
import dev.orion.engine.continuum.NodalField;
import dev.orion.engine.continuum.PhaseFieldResult;
import dev.orion.engine.continuum.PrintedTable;
import dev.orion.engine.FiniteElement;
import dev.orion.engine.InputDeck;
import dev.orion.engine.PhaseField;
import dev.orion.engine.PhaseFieldEquation;
import dev.orion.engine.Vector3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The continuum half of {@link CalculationJson}: finite-element calculations, input decks, phase-field
 * calculations and their results, every field written explicitly so that content hashes are stable.
 */
final class ContinuumJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ContinuumJson() {
    }

    static void writeDeck(ObjectNode n, InputDeck d) {
        n.put("text", d.text());
    }

    static InputDeck readDeck(JsonNode n) {
        return InputDeck.of(n.get("text").asText());
    }

    static void writeFiniteElement(ObjectNode n, FiniteElement fe) {
        Mesh m = fe.mesh();
        ArrayNode nodes = n.putObject("mesh").putArray("nodes");
        m.nodes().forEach(v -> nodes.addArray().add(v.x()).add(v.y()).add(v.z()));
        ArrayNode elements = ((ObjectNode) n.get("mesh")).putArray("elements");
        m.elements().forEach(e -> ints(elements.addArray(), e));
        ObjectNode sets = ((ObjectNode) n.get("mesh")).putObject("nodeSets");
        m.nodeSets().forEach((name, ids) -> ints(sets.putArray(name), ids));
        if (!m.elementSets().isEmpty()) {
            // only when present, so calculations stored before element sets existed keep their content hash
            ObjectNode elsets = ((ObjectNode) n.get("mesh")).putObject("elementSets");
            m.elementSets().forEach((name, ids) -> ints(elsets.putArray(name), ids));
        }
        Material mat = fe.material();
        ObjectNode mn = n.putObject("material").put("name", mat.name());
        mat.elasticity().ifPresent(e -> {
            if (e instanceof Elasticity.Isotropic i) {
                mn.putObject("elasticity").put("type", "isotropic").put("youngsModulus", i.youngsModulus())
                        .put("poissonRatio", i.poissonRatio());
            } else {
                Elasticity.Cubic c = (Elasticity.Cubic) e;
                mn.putObject("elasticity").put("type", "cubic").put("c11", c.c11()).put("c12", c.c12()).put("c44", c.c44());
            }
        });
        mat.conductivity().ifPresent(k -> mn.put("conductivity", k));
        mat.density().ifPresent(r -> mn.put("density", r));
        mat.specificHeat().ifPresent(c -> mn.put("specificHeat", c));
        ObjectNode an = n.putObject("analysis").put("type", fe.analysis().kind());
        if (fe.analysis() instanceof Analysis.Frequency f) {
            an.put("modes", f.modes());
        } else if (fe.analysis() instanceof Analysis.TransientHeat t) {
            an.put("timeStep", t.timeStep()).put("duration", t.duration()).put("initialTemperature", t.initialTemperature());
        }
        ArrayNode cs = n.putArray("constraints");
        for (Constraint c : fe.constraints()) {
            if (c instanceof Constraint.Displacement d) {
                cs.addObject().put("type", "displacement").put("nodeSet", d.nodeSet()).put("direction", d.direction())
                        .put("value", d.value());
            } else {
                Constraint.Temperature t = (Constraint.Temperature) c;
                cs.addObject().put("type", "temperature").put("nodeSet", t.nodeSet()).put("kelvin", t.kelvin());
            }
        }
        ArrayNode ls = n.putArray("loads");
        for (Load l : fe.loads()) {
            if (l instanceof Load.NodalForce f) {
                ls.addObject().put("type", "force").put("nodeSet", f.nodeSet()).put("direction", f.direction())
                        .put("total", f.total());
            } else if (l instanceof Load.Pressure p) {
                ls.addObject().put("type", "pressure").put("nodeSet", p.nodeSet()).put("pascals", p.pascals());
            } else {
                ls.addObject().put("type", "body-heat").put("wattsPerCubicMetre", ((Load.BodyHeat) l).wattsPerCubicMetre());
            }
        }
    }

    static FiniteElement readFiniteElement(JsonNode n) {
        JsonNode mn = n.get("mesh");
        List<Vector3> nodes = new ArrayList<>();
        mn.get("nodes").forEach(v -> nodes.add(new Vector3(v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble())));
        List<List<Integer>> elements = new ArrayList<>();
        mn.get("elements").forEach(e -> elements.add(ints(e)));
        Map<String, List<Integer>> sets = new LinkedHashMap<>();
        mn.get("nodeSets").fields().forEachRemaining(e -> sets.put(e.getKey(), ints(e.getValue())));
        Map<String, List<Integer>> elementSets = new LinkedHashMap<>();
        mn.path("elementSets").fields().forEachRemaining(e -> elementSets.put(e.getKey(), ints(e.getValue())));
        JsonNode matn = n.get("material");
        Material.Builder mb = Material.builder(matn.get("name").asText());
        if (matn.has("elasticity")) {
            JsonNode e = matn.get("elasticity");
            mb.elasticity("isotropic".equals(e.get("type").asText())
                    ? Elasticity.isotropic(e.get("youngsModulus").asDouble(), e.get("poissonRatio").asDouble())
                    : Elasticity.cubic(e.get("c11").asDouble(), e.get("c12").asDouble(), e.get("c44").asDouble()));
        }
        if (matn.has("conductivity")) {
            mb.conductivity(matn.get("conductivity").asDouble());
        }
        if (matn.has("density")) {
            mb.density(matn.get("density").asDouble());
        }
        if (matn.has("specificHeat")) {
            mb.specificHeat(matn.get("specificHeat").asDouble());
        }
        FiniteElement.Builder b = FiniteElement.builder(new Mesh(nodes, elements, sets, elementSets), mb.build())
                .analysis(analysis(n.get("analysis")));
        for (JsonNode c : n.get("constraints")) {
            b.constrain("displacement".equals(c.get("type").asText())
                    ? Constraint.displacement(c.get("nodeSet").asText(), c.get("direction").asInt(), c.get("value").asDouble())
                    : Constraint.temperature(c.get("nodeSet").asText(), c.get("kelvin").asDouble()));
        }
        for (JsonNode l : n.get("loads")) {
            String type = l.get("type").asText();
            b.load("force".equals(type)
                    ? Load.force(l.get("nodeSet").asText(), l.get("direction").asInt(), l.get("total").asDouble())
                    : "pressure".equals(type) ? Load.pressure(l.get("nodeSet").asText(), l.get("pascals").asDouble())
                    : Load.bodyHeat(l.get("wattsPerCubicMetre").asDouble()));
        }
        return b.build();
    }

    private static Analysis analysis(JsonNode a) {
        String type = a.get("type").asText();
        switch (type) {
            case "static": return Analysis.staticElastic();
            case "steady-heat": return Analysis.steadyHeat();
            case "frequency": return Analysis.frequencies(a.get("modes").asInt());
            case "transient-heat": return Analysis.transientHeat(a.get("timeStep").asDouble(), a.get("duration").asDouble(),
                    a.get("initialTemperature").asDouble());
            default: throw new OrionException("stored calculation has unknown analysis '" + type + "'");
        }
    }

    static ObjectNode writeResult(ContinuumResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode f = n.putArray("frequencies");
        r.frequencies().forEach(f::add);
        ArrayNode tables = n.putArray("tables");
        for (PrintedTable t : r.tables()) {
            ObjectNode tn = tables.addObject().put("quantity", t.quantity()).put("columns", t.columns())
                    .put("set", t.set()).put("time", t.time());
            ArrayNode rows = tn.putArray("rows");
            for (PrintedTable.Row row : t.rows()) {
                ObjectNode rn = rows.addObject();
                ints(rn.putArray("keys"), row.keys());
                ArrayNode values = rn.putArray("values");
                row.values().forEach(values::add);
            }
        }
        if (!r.fields().isEmpty()) {
            // only when present, so results stored before nodal fields existed keep their JSON
            ArrayNode fields = n.putArray("fields");
            for (NodalField field : r.fields()) {
                ObjectNode fn = fields.addObject().put("name", field.name()).put("step", field.step())
                        .put("time", field.time());
                if (field.mode() > 0) {
                    fn.put("mode", field.mode());
                }
                field.components().forEach(fn.putArray("components")::add);
                ArrayNode nodes = fn.putArray("nodes");
                ArrayNode values = fn.putArray("values");
                field.values().forEach((node, v) -> {
                    nodes.add(node);
                    v.forEach(values::add);
                });
            }
        }
        return n;
    }

    private static List<NodalField> readFields(JsonNode n) {
        List<NodalField> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        for (JsonNode f : n) {
            List<String> components = new ArrayList<>();
            f.get("components").forEach(c -> components.add(c.asText()));
            List<Integer> nodes = ints(f.get("nodes"));
            List<Double> flat = doubles(f.get("values"));
            if (flat.size() != nodes.size() * components.size()) {
                throw new OrionException("stored field " + f.get("name").asText() + " has " + flat.size() + " values for "
                        + nodes.size() + " nodes of " + components.size() + " components");
            }
            Map<Integer, List<Double>> values = new LinkedHashMap<>();
            for (int k = 0; k < nodes.size(); k++) {
                values.put(nodes.get(k), flat.subList(k * components.size(), (k + 1) * components.size()));
            }
            out.add(new NodalField(f.get("name").asText(), f.get("step").asInt(), f.get("time").asDouble(), components, values,
                    f.path("mode").asInt(0)));
        }
        return out;
    }

    static ContinuumResult readResult(JsonNode n) {
        List<Double> frequencies = new ArrayList<>();
        n.get("frequencies").forEach(v -> frequencies.add(v.asDouble()));
        List<PrintedTable> tables = new ArrayList<>();
        for (JsonNode t : n.get("tables")) {
            List<PrintedTable.Row> rows = new ArrayList<>();
            for (JsonNode r : t.get("rows")) {
                List<Double> values = new ArrayList<>();
                r.get("values").forEach(v -> values.add(v.asDouble()));
                rows.add(new PrintedTable.Row(ints(r.get("keys")), values));
            }
            tables.add(new PrintedTable(t.get("quantity").asText(), t.get("columns").asText(), t.get("set").asText(),
                    t.get("time").asDouble(), rows));
        }
        return new ContinuumResult(tables, frequencies, readFields(n.get("fields")));
    }

    static void writePhaseField(ObjectNode n, PhaseField p) {
        n.put("nx", p.nx()).put("ny", p.ny()).put("spacing", p.spacing()).put("mobility", p.mobility())
                .put("gradientEnergy", p.gradientEnergy()).put("mean", p.mean()).put("noise", p.noise())
                .put("seed", p.seed()).put("timeStep", p.timeStep()).put("steps", p.steps())
                .put("sampleEvery", p.sampleEvery());
        n.putObject("freeEnergy").put("height", p.freeEnergy().height()).put("cAlpha", p.freeEnergy().cAlpha())
                .put("cBeta", p.freeEnergy().cBeta());
        // written only when not the 2-D Cahn-Hilliard defaults, so stored jobs keep their content hash
        if (p.is3d()) {
            n.put("nz", p.nz());
        }
        if (p.equation() != PhaseFieldEquation.CAHN_HILLIARD) {
            n.put("equation", p.equation().name());
        }
        if (!p.initialField().isEmpty()) {
            doubles(n.putArray("initialField"), p.initialField());
        }
    }

    static PhaseField readPhaseField(JsonNode n) {
        JsonNode f = n.get("freeEnergy");
        return new PhaseField(n.get("nx").asInt(), n.get("ny").asInt(), n.has("nz") ? n.get("nz").asInt() : 1,
                n.get("spacing").asDouble(), n.get("mobility").asDouble(), n.get("gradientEnergy").asDouble(),
                new DoubleWell(f.get("height").asDouble(), f.get("cAlpha").asDouble(), f.get("cBeta").asDouble()),
                n.get("mean").asDouble(), n.get("noise").asDouble(), n.get("seed").asLong(), n.get("timeStep").asDouble(),
                n.get("steps").asInt(), n.get("sampleEvery").asInt(),
                n.has("equation") ? PhaseFieldEquation.valueOf(n.get("equation").asText()) : PhaseFieldEquation.CAHN_HILLIARD,
                n.has("initialField") ? doubles(n.get("initialField")) : List.of());
    }

    static ObjectNode writePhaseFieldResult(PhaseFieldResult r) {
        ObjectNode n = MAPPER.createObjectNode().put("nx", r.nx()).put("ny", r.ny()).put("nz", r.nz());
        doubles(n.putArray("times"), r.times());
        doubles(n.putArray("freeEnergies"), r.freeEnergies());
        doubles(n.putArray("means"), r.means());
        doubles(n.putArray("field"), r.field());
        return n;
    }

    static PhaseFieldResult readPhaseFieldResult(JsonNode n) {
        return new PhaseFieldResult(n.get("nx").asInt(), n.get("ny").asInt(), n.has("nz") ? n.get("nz").asInt() : 1,
                doubles(n.get("times")),
                doubles(n.get("freeEnergies")), doubles(n.get("means")), doubles(n.get("field")));
    }

    private static void doubles(ArrayNode a, List<Double> values) {
        values.forEach(a::add);
    }

    private static List<Double> doubles(JsonNode a) {
        List<Double> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asDouble()));
        return out;
    }

    private static void ints(ArrayNode a, List<Integer> values) {
        values.forEach(a::add);
    }

    private static List<Integer> ints(JsonNode a) {
        List<Integer> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asInt()));
        return out;
    }
}
