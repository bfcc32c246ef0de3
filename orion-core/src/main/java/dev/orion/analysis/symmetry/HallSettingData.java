package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SpaceGroupType;
import dev.orion.symmetry.SymmetryOperation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default setting of each space-group type, prepared for matching: one translation per
 * rotation (any representative; they differ by centring vectors) and the centring vectors,
 * grouped by point group.
 */
final class HallSettingData {

    final SpaceGroupType type;
    /** Rotation key to one translation of an operation with that rotation. */
    final Map<Integer, double[]> translationByRotation;
    /** Rotation key to the rotation. */
    final Map<Integer, int[]> rotationByKey;
    final List<double[]> centrings;
    final List<SymmetryOperation> operations;

    private HallSettingData(SpaceGroupType type) {
        this.type = type;
        this.operations = SpaceGroups.operations(type);
        this.translationByRotation = new HashMap<>();
        this.rotationByKey = new HashMap<>();
        this.centrings = new ArrayList<>();
        for (SymmetryOperation op : operations) {
            int[] w = new int[9];
            for (int i = 0; i < 9; i++) {
                w[i] = op.rotation(i / 3, i % 3);
            }
            int key = Rotations.key(w);
            translationByRotation.putIfAbsent(key, op.translation());
            rotationByKey.putIfAbsent(key, w);
            if (op.isIdentity() || key == Rotations.key(Rotations.IDENTITY)) {
                centrings.add(op.translation());
            }
        }
    }

    /** Default settings of all types, keyed by point-group symbol, in order of type number. */
    static Map<String, List<HallSettingData>> byPointGroup() {
        return Holder.BY_POINT_GROUP;
    }

    private static final class Holder {
        static final Map<String, List<HallSettingData>> BY_POINT_GROUP = build();

        private static Map<String, List<HallSettingData>> build() {
            Map<String, List<HallSettingData>> map = new LinkedHashMap<>();
            for (int number = 1; number <= 230; number++) {
                SpaceGroupType type = SpaceGroups.byNumber(number);
                map.computeIfAbsent(type.pointGroup(), k -> new ArrayList<>()).add(new HallSettingData(type));
            }
            return map;
        }
    }
}
