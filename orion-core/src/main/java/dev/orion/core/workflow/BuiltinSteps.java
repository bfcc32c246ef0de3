package dev.orion.core.workflow;

import java.util.ArrayList;
import java.util.List;

/** Every step type ORION ships. */
final class BuiltinSteps {

    private BuiltinSteps() {
    }

    static List<StepType> all() {
        List<StepType> all = new ArrayList<>();
        all.addAll(StructureSteps.all());
        all.addAll(Transforms.all());
        all.add(CalculationStep.type());
        all.addAll(FitSteps.all());
        all.addAll(ComputeSteps.all());
        all.add(LlmStep.type());
        all.add(CampaignStep.type());
        all.add(ElasticStep.type());
        all.add(ContinuumStep.type());
        return all;
    }
}
