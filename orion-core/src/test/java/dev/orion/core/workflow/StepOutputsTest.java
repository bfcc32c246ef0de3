package dev.orion.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.jobs.JobService;
import dev.orion.engine.CalculationResult;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Step outputs stored by {@link StepOutputs} come back equal for every kind of value a step gives (a result is covered,
 * with a real job store, by orion-engines' WorkflowRunStoreRecordsTest); what would not come back equal is not
 * restored at all.
 */
class StepOutputsTest {

    private static final Supplier<JobService> NO_JOBS = () -> {
        throw new AssertionError("no job service is needed without results");
    };

    @Test
    void everyKindOfValueRoundTripsExactly() {
        Random random = new Random(15);
        for (int trial = 0; trial < 50; trial++) {
            Structure s = structure(random);
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("a", random.nextDouble() * 10);
            nested.put("n", random.nextLong());
            nested.put("flags", List.of(true, false));
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("string", "text " + random.nextInt() + " with \"quotes\" and ${refs}");
            outputs.put("number", random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            outputs.put("integer", (long) random.nextInt());
            outputs.put("boolean", random.nextBoolean());
            outputs.put("structure", s);
            outputs.put("structures", List.of(s, structure(random)));
            outputs.put("object", nested);
            outputs.put("list", List.of(1.5, -2L, "x", List.of()));
            outputs.put("nan", Double.NaN);
            outputs.put("infinite", Double.NEGATIVE_INFINITY);
            String json = StepOutputs.encode(outputs, List.of(), NO_JOBS);
            assertThat(StepOutputs.decode(json, NO_JOBS)).as(json).contains(outputs);
        }
    }

    @Test
    void theStoredFormKeepsTheSummaryThatShowPrints() {
        Structure s = structure(new Random(1));
        String json = StepOutputs.encode(Map.of("structure", s), List.of(), NO_JOBS);
        assertThat(json).contains("\"formula\":\"" + s.composition().reducedFormula() + "\"").contains("\"sites\":" + s.size())
                .contains("\"" + StepOutputs.STRUCTURE + "\":").contains("\"" + StepOutputs.RESTORABLE + "\":true");
    }

    @Test
    void valuesThatWouldNotComeBackEqualAreNotRestored() {
        List<Map<String, Object>> lossy = new ArrayList<>();
        lossy.add(Map.of("count", 3));
        lossy.add(Map.of("ratio", 0.5f));
        lossy.add(Map.of("text", "NaN"));
        lossy.add(Map.of("keys", Map.of(1, "one")));
        lossy.add(Map.of("tricky", Map.of(StepOutputs.JOB, "job-1")));
        lossy.add(Map.of("result", CalculationResult.builder("eam", -3.5, 4).build()));
        // a map that looks like a result's summary is read as a result, from a job store that has no such job
        Supplier<JobService> noSuchJob = () -> {
            throw new IllegalStateException("no job job-1");
        };
        for (Map<String, Object> outputs : lossy) {
            String json = StepOutputs.encode(outputs, List.of(), noSuchJob);
            assertThat(json).doesNotContain(StepOutputs.RESTORABLE);
            assertThat(StepOutputs.decode(json, noSuchJob)).as(json).isEmpty();
        }
    }

    @Test
    void aSummaryWithoutTheMarkOrBrokenJsonIsNotRestored() {
        assertThat(StepOutputs.decode("{\"structure\":{\"formula\":\"Cu\",\"sites\":4}}", NO_JOBS)).isEmpty();
        assertThat(StepOutputs.decode("{\"x\":", NO_JOBS)).isEmpty();
        assertThat(StepOutputs.decode("{\"x\":null,\"$restorable\":true}", NO_JOBS)).isEmpty();
        assertThat(StepOutputs.decode("{\"s\":{\"$structure\":{\"schema\":\"bad\"}},\"$restorable\":true}", NO_JOBS)).isEmpty();
        assertThat(StepOutputs.decode("{\"x\":1,\"$restorable\":true}", NO_JOBS)).contains(Map.of("x", 1L));
        assertThat(StepOutputs.decode("{}", NO_JOBS)).isEqualTo(Optional.empty());
    }

    private static Structure structure(Random random) {
        String[] elements = {"Cu", "Ni", "Fe", "O", "Ar"};
        StructureBuilder b = Structure.builder().lattice(Lattice.cubic(2 + random.nextDouble() * 4));
        int sites = 1 + random.nextInt(4);
        for (int i = 0; i < sites; i++) {
            b.addSite(Element.of(elements[random.nextInt(elements.length)]), random.nextDouble(), random.nextDouble(), random.nextDouble());
        }
        return b.build();
    }
}
