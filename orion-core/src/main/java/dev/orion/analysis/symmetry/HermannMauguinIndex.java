package dev.orion.analysis.symmetry;

import dev.orion.symmetry.CrystalSystem;
import dev.orion.symmetry.SpaceGroupType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a setting from a Hermann–Mauguin symbol as people and programs write it: short or
 * full, with or without spaces and underscores ({@code P2_1/c}, {@code P 1 21/c 1},
 * {@code F m -3 m}), any case, with an optional setting suffix ({@code :1}, {@code :2},
 * {@code :H}, {@code :R}, {@code :b1}, {@code :cab}, or a bare trailing {@code H}/{@code R} after a
 * rhombohedral symbol), the PDB's {@code H 3 2} for hexagonal axes, monoclinic short symbols of
 * any cell choice ({@code P 21/n}), the pre-1983 cubic symbols without a bar ({@code Fm3m}) and
 * the pre-2002 orthorhombic symbols without the e glide ({@code Cmca} for {@code Cmce}).
 *
 * <p>A symbol that several settings share resolves to the one with the lowest Hall number, the
 * default of spglib and of the International Tables: unique axis b, cell choice 1, origin choice
 * 1, hexagonal axes.
 */
final class HermannMauguinIndex {

    private static final Pattern TRAILING_AXES = Pattern.compile("^([Rr].*\\S)\\s+([HhRr])$");
    private static final Pattern SCREW_OR_BAR_3 = Pattern.compile("-3");

    private final Map<String, Integer> hallNumberByKey;
    private final Map<String, Set<Integer>> numbersByKey = new HashMap<>();

    HermannMauguinIndex(SpaceGroupTable table) {
        Map<String, Integer> map = new HashMap<>();
        for (SpaceGroupType type : table.types) {
            int hall = type.hallNumber();
            String choice = type.choice().toLowerCase(Locale.ROOT);
            for (String symbol : symbols(type, table.spacedInternational.get(hall - 1))) {
                String key = key(symbol);
                numbersByKey.computeIfAbsent(key, k -> new HashSet<>()).add(type.number());
                map.putIfAbsent(key, hall);
                if (!choice.isEmpty()) {
                    map.putIfAbsent(key + ":" + choice, hall);
                    // ':1cab' and ':b1' may also be written with the origin or cell choice alone
                    if (choice.matches("[12].+")) {
                        map.putIfAbsent(key + ":" + choice.charAt(0), hall);
                    } else if (choice.matches("-?[abc][123]")) {
                        map.putIfAbsent(key + ":" + choice.charAt(choice.length() - 1), hall);
                    }
                }
            }
        }
        hallNumberByKey = Collections.unmodifiableMap(map);
    }

    Optional<Integer> find(String symbol) {
        String s = symbol.strip();
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        String suffix = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            suffix = s.substring(colon + 1);
            s = s.substring(0, colon);
        } else {
            Matcher m = TRAILING_AXES.matcher(s);
            if (m.matches()) {
                s = m.group(1);
                suffix = m.group(2);
            }
        }
        String key = key(s);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (key.charAt(0) == 'h' && suffix == null) {
            // the PDB writes rhombohedral groups on hexagonal axes with lattice letter H
            key = "r" + key.substring(1);
            suffix = "h";
        }
        if (suffix != null) {
            key = key + ":" + key(suffix);
        }
        return Optional.ofNullable(hallNumberByKey.get(key));
    }

    /** Exposed to tests, which check that no key names two space-group types. */
    Map<String, Integer> keys() {
        return hallNumberByKey;
    }

    /** Keys that name settings of more than one space-group type: a bug in the aliases if any. */
    Set<String> ambiguousKeys() {
        Set<String> out = new HashSet<>();
        numbersByKey.forEach((key, numbers) -> {
            if (numbers.size() > 1) {
                out.add(key + " " + numbers);
            }
        });
        return out;
    }

    /** @return the symbol without whitespace ({@code \s} in a regular expression) or underscores, in lower case */
    static String key(String symbol) {
        StringBuilder sb = new StringBuilder(symbol.length());
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (!SpaceGroupTable.isRegexSpace(c) && c != '_') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Before 2002 the double glide plane e was written as one of its two glides: Cmce was Cmca
     * or Cmcb, Aea2 was Aba2 or Aca2. The glides of a plane normal to axis i are along the other
     * two axes.
     */
    private static List<String> legacyGlideSymbols(String spacedSymbol) {
        String[] tokens = spacedSymbol.split(" ");
        List<String> out = new ArrayList<>();
        if (tokens.length != 4) {
            return out;
        }
        for (int axis = 0; axis < 3; axis++) {
            String token = tokens[axis + 1];
            if (token.equals("e") || token.endsWith("/e")) {
                for (char glide : new char[] {'a', 'b', 'c'}) {
                    if (glide != 'a' + axis) {
                        String[] variant = tokens.clone();
                        variant[axis + 1] = token.substring(0, token.length() - 1) + glide;
                        out.add(String.join(" ", variant));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> symbols(SpaceGroupType type, String spaced) {
        List<String> out = new ArrayList<>();
        out.add(type.international());
        out.add(type.internationalFull());
        for (String part : spaced.split("=")) {
            out.add(part.strip());
        }
        if (type.crystalSystem() == CrystalSystem.MONOCLINIC) {
            // 'P 1 2_1/n 1' -> 'P 2_1/n': the short symbol of this cell choice
            String[] tokens = type.internationalFull().split(" ");
            StringBuilder sb = new StringBuilder(tokens[0]);
            for (int i = 1; i < tokens.length; i++) {
                if (!tokens[i].equals("1")) {
                    sb.append(' ').append(tokens[i]);
                }
            }
            out.add(sb.toString());
        }
        if (type.crystalSystem() == CrystalSystem.ORTHORHOMBIC) {
            out.addAll(legacyGlideSymbols(type.internationalFull()));
            out.addAll(legacyGlideSymbols(spaced.split("=")[0].strip()));
        }
        if (type.crystalSystem() == CrystalSystem.CUBIC) {
            out.add(SCREW_OR_BAR_3.matcher(type.international()).replaceAll("3"));
        }
        return out;
    }
}
