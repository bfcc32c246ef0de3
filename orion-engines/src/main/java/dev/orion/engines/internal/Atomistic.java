package dev.orion.engines.internal;

import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import java.util.List;

/** The refusal that the atomistic engines give a continuum calculation, worded once. */
public final class Atomistic {

    private Atomistic() {
    }

    /**
     * @param engine      the refusing engine's name
     * @param calculation a calculation that is not an {@link AtomisticCalculation}
     * @return the one problem to report
     */
    public static List<String> refusal(String engine, Calculation calculation) {
        return List.of(engine + " computes atomistic calculations (single point, relaxation, MD), not '"
                + calculation.kind() + "'");
    }
}
