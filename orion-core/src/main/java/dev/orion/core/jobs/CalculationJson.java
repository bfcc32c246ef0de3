package dev.orion.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.OrionException;
import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Convergence;
import dev.orion.engine.DftParameters;
import dev.orion.engine.Ensemble;
import dev.orion.engine.FiniteElement;
import dev.orion.engine.Frame;
import dev.orion.engine.InputDeck;
import dev.orion.engine.Method;
import dev.orion.engine.PhaseField;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Potential;
import dev.orion.engine.Relaxation;
import dev.orion.engine.SinglePoint;
import dev.orion.engine.Stress;
import dev.orion.engine.Thermostat;
import dev.orion.engine.Vector3;
import dev.orion.io.json.StructureJson;
import dev.orion.structure.Element;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calculations and results as JSON, the form in which jobs are stored. Every field is written
 * explicitly (no reflection), so the stored form is stable and the content hash of a calculation
 * does not depend on the JVM. Structures use orion-core's {@code orion.structure/1} JSON; continuum
 * calculations and results are written by {@link ContinuumJson}.
 */
final class CalculationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CalculationJson() {
    }

    /** @param c a calculation  @return its JSON */
    static String write(Calculation c) {
        return toNode(c).toString();
    }

    static ObjectNode toNode(Calculation c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", c.kind());
        if (c instanceof FiniteElement fe) {
            ContinuumJson.writeFiniteElement(n, fe);
            return n;
        }
        if (c instanceof InputDeck d) {
            ContinuumJson.writeDeck(n, d);
            return n;
        }
        if (c instanceof PhaseField p) {
            ContinuumJson.writePhaseField(n, p);
            return n;
        }
        AtomisticCalculation a = (AtomisticCalculation) c;
        n.set("structure", readTree(StructureJson.toJson(a.structure())));
        a.method().ifPresent(m -> n.set("method", method(m)));
        if (c instanceof Relaxation r) {
            n.put("relaxCell", r.relaxCell()).put("forceTolerance", r.forceTolerance())
                    .put("energyTolerance", r.energyTolerance()).put("maxSteps", r.maxSteps())
                    .put("pressureGPa", r.pressureGPa());
        } else if (c instanceof MolecularDynamics md) {
            n.put("ensemble", md.ensemble().name()).put("temperatureK", md.temperatureK())
                    .put("timeStepFs", md.timeStepFs()).put("steps", md.steps()).put("pressureGPa", md.pressureGPa())
                    .put("sampleEvery", md.sampleEvery()).put("seed", md.seed());
            // written only when not the defaults, so that jobs stored before these existed keep their content hash
            if (md.thermostat() != Thermostat.NOSE_HOOVER) {
                n.put("thermostat", md.thermostat().name());
            }
            if (md.temperatureDampingFs() != 100 * md.timeStepFs()) {
                n.put("temperatureDampingFs", md.temperatureDampingFs());
            }
            if (md.pressureDampingFs() != 1000 * md.timeStepFs()) {
                n.put("pressureDampingFs", md.pressureDampingFs());
            }
        }
        return n;
    }

    private static ObjectNode method(Method m) {
        ObjectNode n = MAPPER.createObjectNode();
        if (m instanceof DftParameters d) {
            n.put("type", "dft").put("pseudopotentialDir", d.pseudopotentialDir().toString())
                    .put("ecutwfcRy", d.ecutwfcRy()).put("ecutrhoRy", d.ecutrhoRy()).put("kSpacing", d.kSpacing())
                    .put("convThrRy", d.convThrRy()).put("maxScfSteps", d.maxScfSteps());
            ObjectNode pp = n.putObject("pseudopotentials");
            d.pseudopotentials().entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.symbol().compareTo(b.symbol())))
                    .forEach(e -> pp.put(e.getKey().symbol(), e.getValue()));
            d.kGrid().ifPresent(g -> {
                ArrayNode a = n.putArray("kGrid");
                g.forEach(a::add);
            });
            d.smearing().ifPresent(s -> n.putObject("smearing").put("type", s.type()).put("degauss", s.degauss()));
            return n;
        }
        Potential p = (Potential) m;
        n.put("type", p.pairStyle());
        if (p instanceof Potential.Eam e) {
            n.put("file", e.file().toString()).put("element", e.element().symbol());
        } else if (p instanceof Potential.EamAlloy e) {
            n.put("file", e.file().toString());
            symbols(n.putArray("species"), e.species());
        } else if (p instanceof Potential.EamFs e) {
            n.put("file", e.file().toString());
            symbols(n.putArray("species"), e.species());
        } else if (p instanceof Potential.ManyBody mb) {
            n.put("library", mb.library().toString()).put("parameter", mb.parameter().toString());
            symbols(n.putArray("species"), mb.species());
        } else if (p instanceof Potential.LennardJones lj) {
            n.put("cutoff", lj.cutoff());
            ObjectNode params = n.putObject("params");
            lj.params().entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.symbol().compareTo(b.symbol())))
                    .forEach(e -> params.putObject(e.getKey().symbol()).put("epsilon", e.getValue().epsilon())
                            .put("sigma", e.getValue().sigma()));
        }
        return n;
    }

    private static void symbols(ArrayNode a, List<Element> elements) {
        elements.forEach(e -> a.add(e.symbol()));
    }

    /** @param json what {@link #write(Calculation)} wrote  @return the calculation */
    static Calculation readCalculation(String json) {
        JsonNode n = readTree(json);
        String kind = n.get("kind").asText();
        if ("finite-element".equals(kind)) {
            return ContinuumJson.readFiniteElement(n);
        }
        if ("input-deck".equals(kind)) {
            return ContinuumJson.readDeck(n);
        }
        if ("phase-field".equals(kind)) {
            return ContinuumJson.readPhaseField(n);
        }
        var structure = StructureJson.fromJson(n.get("structure").toString(), "stored calculation");
        Optional<Method> method = n.has("method") ? Optional.of(readMethod(n.get("method"))) : Optional.empty();
        AtomisticCalculation c;
        switch (kind) {
            case "single-point":
                c = Calculation.singlePoint(structure);
                break;
            case "relaxation":
                c = Relaxation.builder(structure).relaxCell(n.get("relaxCell").asBoolean())
                        .forceTolerance(n.get("forceTolerance").asDouble()).energyTolerance(n.get("energyTolerance").asDouble())
                        .maxSteps(n.get("maxSteps").asInt()).pressure(n.get("pressureGPa").asDouble()).build();
                break;
            case "md":
                c = MolecularDynamics.builder(structure).ensemble(Ensemble.valueOf(n.get("ensemble").asText()))
                        .temperature(n.get("temperatureK").asDouble()).timeStep(n.get("timeStepFs").asDouble())
                        .steps(n.get("steps").asInt()).pressure(n.get("pressureGPa").asDouble())
                        .sampleEvery(n.get("sampleEvery").asInt()).seed(n.get("seed").asLong())
                        .thermostat(n.has("thermostat") ? Thermostat.valueOf(n.get("thermostat").asText())
                                : Thermostat.NOSE_HOOVER)
                        .temperatureDamping(n.has("temperatureDampingFs") ? n.get("temperatureDampingFs").asDouble()
                                : Double.NaN)
                        .pressureDamping(n.has("pressureDampingFs") ? n.get("pressureDampingFs").asDouble() : Double.NaN)
                        .build();
                break;
            default:
                throw new OrionException("stored calculation has unknown kind '" + kind + "'");
        }
        return method.map(c::with).orElse(c);
    }

    private static Method readMethod(JsonNode n) {
        String type = n.get("type").asText();
        switch (type) {
            case "dft": {
                DftParameters.Builder b = DftParameters.builder(Path.of(n.get("pseudopotentialDir").asText()))
                        .ecutwfc(n.get("ecutwfcRy").asDouble()).ecutrho(n.get("ecutrhoRy").asDouble())
                        .kSpacing(n.get("kSpacing").asDouble()).convThr(n.get("convThrRy").asDouble())
                        .maxScfSteps(n.get("maxScfSteps").asInt());
                n.get("pseudopotentials").fields().forEachRemaining(e -> b.pseudopotential(Element.of(e.getKey()), e.getValue().asText()));
                if (n.has("kGrid")) {
                    JsonNode g = n.get("kGrid");
                    b.kPoints(g.get(0).asInt(), g.get(1).asInt(), g.get(2).asInt());
                }
                if (n.has("smearing")) {
                    b.smearing(n.get("smearing").get("type").asText(), n.get("smearing").get("degauss").asDouble());
                }
                return b.build();
            }
            case "eam":
                return Potential.eam(Path.of(n.get("file").asText()), Element.of(n.get("element").asText()));
            case "eam/alloy":
                return new Potential.EamAlloy(Path.of(n.get("file").asText()), elements(n.get("species")));
            case "eam/fs":
                return new Potential.EamFs(Path.of(n.get("file").asText()), elements(n.get("species")));
            case "tersoff": case "sw": case "meam":
                return new Potential.ManyBody(type, Path.of(n.get("library").asText()), Path.of(n.get("parameter").asText()),
                        elements(n.get("species")));
            case "lj/cut": {
                Map<Element, Potential.LjParameters> params = new LinkedHashMap<>();
                n.get("params").fields().forEachRemaining(e -> params.put(Element.of(e.getKey()),
                        new Potential.LjParameters(e.getValue().get("epsilon").asDouble(), e.getValue().get("sigma").asDouble())));
                return new Potential.LennardJones(params, n.get("cutoff").asDouble());
            }
            default:
                throw new OrionException("stored calculation has unknown method type '" + type + "'");
        }
    }

    private static List<Element> elements(JsonNode a) {
        List<Element> out = new ArrayList<>();
        a.forEach(e -> out.add(Element.of(e.asText())));
        return out;
    }

    /** @param r a result  @return its JSON (trajectory frames without their structures) */
    static String write(CalculationResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("engine", r.engine()).put("engineVersion", r.engineVersion()).put("energy", r.energy())
                .put("atoms", r.atoms()).put("wallTimeNanos", r.wallTime().toNanos());
        ArrayNode f = n.putArray("forces");
        r.forces().forEach(v -> f.addArray().add(v.x()).add(v.y()).add(v.z()));
        r.stress().ifPresent(s -> n.putArray("stress").add(s.xx()).add(s.yy()).add(s.zz()).add(s.yz()).add(s.xz()).add(s.xy()));
        r.finalStructure().ifPresent(s -> n.set("finalStructure", readTree(StructureJson.toJson(s))));
        ArrayNode t = n.putArray("trajectory");
        r.trajectory().forEach(fr -> {
            ObjectNode o = t.addObject().put("step", fr.step()).put("energy", fr.energy()).put("temperatureK", fr.temperatureK());
            fr.pressureGPa().ifPresent(p -> o.put("pressureGPa", p));
        });
        n.putObject("convergence").put("converged", r.convergence().converged())
                .put("iterations", r.convergence().iterations()).put("criterion", r.convergence().criterion());
        ObjectNode values = n.putObject("values");
        r.values().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> values.put(e.getKey(), e.getValue()));
        ObjectNode files = n.putObject("outputFiles");
        r.outputFiles().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> files.put(e.getKey(), e.getValue().toString()));
        r.continuum().ifPresent(cr -> n.set("continuum", ContinuumJson.writeResult(cr)));
        r.phaseField().ifPresent(pr -> n.set("phaseField", ContinuumJson.writePhaseFieldResult(pr)));
        return n.toString();
    }

    /** @param json what {@link #write(CalculationResult)} wrote  @return the result */
    static CalculationResult readResult(String json) {
        JsonNode n = readTree(json);
        CalculationResult.Builder b = CalculationResult.builder(n.get("engine").asText(), n.get("energy").asDouble(),
                n.get("atoms").asInt()).engineVersion(n.get("engineVersion").asText())
                .wallTime(Duration.ofNanos(n.get("wallTimeNanos").asLong()));
        List<Vector3> forces = new ArrayList<>();
        n.get("forces").forEach(v -> forces.add(new Vector3(v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble())));
        b.forces(forces);
        if (n.has("stress")) {
            JsonNode s = n.get("stress");
            b.stress(new Stress(s.get(0).asDouble(), s.get(1).asDouble(), s.get(2).asDouble(), s.get(3).asDouble(),
                    s.get(4).asDouble(), s.get(5).asDouble()));
        }
        if (n.has("finalStructure")) {
            b.finalStructure(StructureJson.fromJson(n.get("finalStructure").toString(), "stored result"));
        }
        n.get("trajectory").forEach(fr -> b.frame(new Frame(fr.get("step").asLong(), fr.get("energy").asDouble(),
                fr.get("temperatureK").asDouble(),
                fr.has("pressureGPa") ? Optional.of(fr.get("pressureGPa").asDouble()) : Optional.empty(), Optional.empty())));
        JsonNode c = n.get("convergence");
        b.convergence(new Convergence(c.get("converged").asBoolean(), c.get("iterations").asInt(), c.get("criterion").asText()));
        n.get("values").fields().forEachRemaining(e -> b.value(e.getKey(), e.getValue().asDouble()));
        n.get("outputFiles").fields().forEachRemaining(e -> b.outputFile(e.getKey(), Path.of(e.getValue().asText())));
        if (n.has("continuum")) {
            b.continuum(ContinuumJson.readResult(n.get("continuum")));
        }
        if (n.has("phaseField")) {
            b.phaseField(ContinuumJson.readPhaseFieldResult(n.get("phaseField")));
        }
        return b.build();
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new OrionException("stored job JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
