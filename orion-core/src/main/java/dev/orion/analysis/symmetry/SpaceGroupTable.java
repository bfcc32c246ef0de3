package dev.orion.analysis.symmetry;

import dev.orion.symmetry.CrystalSystem;
import dev.orion.symmetry.SpaceGroupType;
import dev.orion.symmetry.SymmetryOperation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 530 settings read from the bundled {@code space-groups.tsv} (symbols from spglib's
 * database, see {@code scripts/generate_space_group_tables.py}) with the operations of each
 * generated from its Hall symbol. Built once, on first use, and shared.
 */
final class SpaceGroupTable {

    static final int SETTINGS = 530;
    private static final String RESOURCE = "space-groups.tsv";

    final List<SpaceGroupType> types;
    /** spglib's spaced symbol per setting ({@code P 2_1/c = P 1 2_1/n 1}), for the H-M index. */
    final List<String> spacedInternational;
    final List<List<SymmetryOperation>> operations;
    /** Index {@code n} holds the Hall number of the default setting of type {@code n}. */
    final int[] defaultHallNumber = new int[231];
    final Map<Set<SymmetryOperation>, Integer> byOperationSet;
    final Map<String, Integer> byHallSymbol;

    private SpaceGroupTable() {
        List<String> spaced = new ArrayList<>();
        types = List.copyOf(read(spaced));
        spacedInternational = List.copyOf(spaced);
        if (types.size() != SETTINGS) {
            throw new IllegalStateException(RESOURCE + " must have " + SETTINGS + " rows, had " + types.size());
        }
        List<List<SymmetryOperation>> ops = new ArrayList<>(SETTINGS);
        Map<Set<SymmetryOperation>, Integer> bySet = new HashMap<>();
        Map<String, Integer> byHall = new HashMap<>();
        for (SpaceGroupType type : types) {
            List<SymmetryOperation> generated = HallSymbolParser.operations(type.hallSymbol());
            ops.add(generated);
            // several settings of Ccca (No. 68) have equal operation sets: the first one wins
            bySet.putIfAbsent(Set.copyOf(generated), type.hallNumber());
            byHall.putIfAbsent(normalizeHall(type.hallSymbol()), type.hallNumber());
            if (defaultHallNumber[type.number()] == 0) {
                defaultHallNumber[type.number()] = type.hallNumber();
            }
        }
        operations = List.copyOf(ops);
        byOperationSet = Collections.unmodifiableMap(bySet);
        byHallSymbol = Collections.unmodifiableMap(byHall);
    }

    static SpaceGroupTable get() {
        return Holder.TABLE;
    }

    SpaceGroupType type(int hallNumber) {
        return types.get(hallNumber - 1);
    }

    /**
     * Collapses runs of spaces and unifies the two ways of writing a double prime.
     *
     * @param symbol a Hall symbol as written
     * @return the symbol stripped, each run of whitespace ({@code \s}) one space, {@code ''} as {@code "}
     */
    static String normalizeHall(String symbol) {
        String s = symbol.strip();
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isRegexSpace(c)) {
                sb.append(c);
            } else if (i > 0 && !isRegexSpace(s.charAt(i - 1))) {
                sb.append(' ');
            }
        }
        return sb.toString().replace("''", "\"");
    }

    /** @return whether {@code c} is whitespace as {@code \s} means it in a regular expression */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static List<SpaceGroupType> read(List<String> spaced) {
        List<SpaceGroupType> out = new ArrayList<>();
        try (InputStream in = SpaceGroupTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/orion/symmetry/" + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNumber = 0;
            Set<Integer> seen = new HashSet<>();
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 9) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected 9 columns, found "
                            + f.length);
                }
                int hall = Integer.parseInt(f[0]);
                int number = Integer.parseInt(f[1]);
                if (!seen.add(hall) || hall != out.size() + 1) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": Hall number " + hall
                            + " out of sequence");
                }
                // columns: hall, number, hall symbol, short, full, spaced, choice, point group, Schoenflies
                spaced.add(f[5]);
                out.add(new SpaceGroupType(hall, number, f[2], f[3], f[4], f[6],
                        CrystalSystem.ofSpaceGroupNumber(number), f[7], f[8]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return out;
    }

    private static final class Holder {
        static final SpaceGroupTable TABLE = new SpaceGroupTable();
    }
}
