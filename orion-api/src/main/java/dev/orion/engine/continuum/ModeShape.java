package dev.orion.engine.continuum;

import dev.orion.engine.Vector3;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One natural mode of a frequency analysis: its number, its frequency and how every node moves in it. The
 * amplitude is the program's normalisation (CalculiX: unit modal mass) and the sign is arbitrary, so compare
 * shapes after dividing by one node's displacement.
 *
 * <pre>{@code
 * ModeShape first = result.continuum().orElseThrow().modeShapes().get(0);
 * double tip = first.displacements().get(tipNode).y();
 * }</pre>
 *
 * @param mode          the mode number, from 1 (lowest frequency)
 * @param frequency     its frequency in cycles per time unit (Hz in SI)
 * @param displacements the displacement of every written node in the mode, by node id
 */
public record ModeShape(int mode, double frequency, Map<Integer, Vector3> displacements) {

    /** Validates and copies. */
    public ModeShape {
        if (mode < 1) {
            throw new IllegalArgumentException("mode must be >= 1, got " + mode);
        }
        if (!Double.isFinite(frequency)) {
            throw new IllegalArgumentException("frequency must be finite, got " + frequency);
        }
        displacements = Collections.unmodifiableMap(new LinkedHashMap<>(displacements));
    }
}
