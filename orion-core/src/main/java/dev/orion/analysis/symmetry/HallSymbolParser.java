package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SymmetryOperation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Generates the operations of a space group from its Hall symbol (S. R. Hall, Acta Cryst. A37
 * (1981) 517; International Tables Vol. B, Sect. A1.4.2), for example {@code -P 2ybc},
 * {@code F 4d 2 3 -1d}, {@code P 31 2c (0 0 1)}.
 *
 * <p>The symbol is: a lattice symbol ({@code P A B C I R S T F}, with a leading {@code -} for a
 * centre of symmetry at the origin); one to four matrix symbols {@code [-]N[axis][translations]}
 * with N in 1 2 3 4 6, axis in {@code x y z ' " *} and translations in {@code a b c n u v w d} or a
 * screw digit; and optionally an origin shift {@code (vx vy vz)} in twelfths. Missing axes take
 * Hall's defaults: the first rotation is along c; a second 2-fold is along a after a 2- or
 * 4-fold and along a-b after a 3- or 6-fold; a third 3-fold is along a+b+c. The group is the
 * closure of the generators, with translations reduced modulo the lattice.
 */
final class HallSymbolParser {

    private static final int MAX_ORDER = 192;

    private HallSymbolParser() {
    }

    /**
     * Returns all operations of the group, identity first, translations in [0, 1).
     *
     * @throws IllegalArgumentException naming the symbol and the offending part
     */
    static List<SymmetryOperation> operations(String hallSymbol) {
        List<SeitzMatrix> group = group(hallSymbol);
        List<SymmetryOperation> out = new ArrayList<>(group.size());
        for (SeitzMatrix m : group) {
            out.add(m.toOperation());
        }
        return List.copyOf(out);
    }

    static List<SeitzMatrix> group(String hallSymbol) {
        String symbol = hallSymbol.strip();
        int[] shift = new int[3];
        int open = symbol.indexOf('(');
        if (open >= 0) {
            shift = originShift(hallSymbol, symbol.substring(open));
            symbol = symbol.substring(0, open).strip();
        }
        String[] tokens = symbol.split("\\s+");
        if (tokens.length < 2 || tokens[0].isEmpty()) {
            throw error(hallSymbol, "expected a lattice symbol and at least one matrix symbol");
        }
        List<SeitzMatrix> generators = new ArrayList<>(lattice(hallSymbol, tokens[0]));
        int previousOrder = 0;
        char previousAxis = 'z';
        for (int i = 1; i < tokens.length; i++) {
            MatrixSymbol m = matrixSymbol(hallSymbol, tokens[i], i - 1, previousOrder, previousAxis);
            generators.add(m.seitz);
            previousOrder = m.order;
            if (m.axis == 'x' || m.axis == 'y' || m.axis == 'z') {
                previousAxis = m.axis;
            }
        }
        List<SeitzMatrix> shifted = new ArrayList<>(generators.size());
        for (SeitzMatrix g : generators) {
            shifted.add(g.shiftOrigin(shift));
        }
        return close(hallSymbol, shifted);
    }

    private static List<SeitzMatrix> close(String hallSymbol, List<SeitzMatrix> generators) {
        Set<SeitzMatrix> seen = new LinkedHashSet<>();
        List<SeitzMatrix> elements = new ArrayList<>();
        seen.add(SeitzMatrix.IDENTITY);
        elements.add(SeitzMatrix.IDENTITY);
        // every element is a word in the generators, so left-multiplying each found element by
        // each generator reaches the whole (finite) group
        for (int i = 0; i < elements.size(); i++) {
            for (SeitzMatrix g : generators) {
                SeitzMatrix product = g.compose(elements.get(i));
                if (seen.add(product)) {
                    elements.add(product);
                    if (elements.size() > MAX_ORDER) {
                        throw error(hallSymbol, "the generators do not close to a space group (more than "
                                + MAX_ORDER + " operations per cell)");
                    }
                }
            }
        }
        return elements;
    }

    private static List<SeitzMatrix> lattice(String hallSymbol, String token) {
        boolean centric = token.startsWith("-");
        String letter = centric ? token.substring(1) : token;
        if (letter.length() != 1) {
            throw error(hallSymbol, "bad lattice symbol '" + token + "'");
        }
        int[][] centrings = switch (Character.toUpperCase(letter.charAt(0))) {
            case 'P' -> new int[][] {};
            case 'A' -> new int[][] {{0, 6, 6}};
            case 'B' -> new int[][] {{6, 0, 6}};
            case 'C' -> new int[][] {{6, 6, 0}};
            case 'I' -> new int[][] {{6, 6, 6}};
            case 'R' -> new int[][] {{8, 4, 4}, {4, 8, 8}};
            case 'S' -> new int[][] {{4, 4, 8}, {8, 8, 4}};
            case 'T' -> new int[][] {{4, 8, 4}, {8, 4, 8}};
            case 'F' -> new int[][] {{0, 6, 6}, {6, 0, 6}, {6, 6, 0}};
            default -> throw error(hallSymbol, "unknown lattice symbol '" + token + "'");
        };
        List<SeitzMatrix> out = new ArrayList<>();
        for (int[] c : centrings) {
            out.add(new SeitzMatrix(Rotations.IDENTITY, c));
        }
        if (centric) {
            out.add(new SeitzMatrix(new int[] {-1, 0, 0, 0, -1, 0, 0, 0, -1}, new int[3]));
        }
        return out;
    }

    private record MatrixSymbol(int order, char axis, SeitzMatrix seitz) {
    }

    private static MatrixSymbol matrixSymbol(String hallSymbol, String token, int index,
                                             int previousOrder, char previousAxis) {
        int p = 0;
        boolean improper = token.charAt(0) == '-';
        if (improper) {
            p++;
        }
        if (p >= token.length() || "12346".indexOf(token.charAt(p)) < 0) {
            throw error(hallSymbol, "matrix symbol '" + token + "' must start with 1, 2, 3, 4 or 6");
        }
        int order = token.charAt(p++) - '0';
        char axis = 0;
        int[] t = new int[3];
        int screw = 0;
        for (; p < token.length(); p++) {
            char c = token.charAt(p);
            switch (c) {
                case 'x', 'y', 'z', '\'', '"', '*' -> {
                    if (axis != 0) {
                        throw error(hallSymbol, "matrix symbol '" + token + "' names two axes");
                    }
                    axis = c;
                }
                case 'a' -> t[0] += 6;
                case 'b' -> t[1] += 6;
                case 'c' -> t[2] += 6;
                case 'n' -> add(t, 6);
                case 'u' -> t[0] += 3;
                case 'v' -> t[1] += 3;
                case 'w' -> t[2] += 3;
                case 'd' -> add(t, 3);
                case '1', '2', '3', '4', '5' -> {
                    if (c - '0' >= order || screw != 0) {
                        throw error(hallSymbol, "bad screw translation in matrix symbol '" + token + "'");
                    }
                    screw = c - '0';
                }
                default -> throw error(hallSymbol, "unexpected '" + c + "' in matrix symbol '" + token + "'");
            }
        }
        if (axis == 0) {
            axis = defaultAxis(hallSymbol, token, index, order, previousOrder);
        }
        int[] rotation = rotation(hallSymbol, token, order, axis, previousAxis);
        if (improper) {
            for (int i = 0; i < 9; i++) {
                rotation[i] = -rotation[i];
            }
        }
        if (screw != 0) {
            int component = switch (axis) {
                case 'x' -> 0;
                case 'y' -> 1;
                case 'z' -> 2;
                default -> throw error(hallSymbol, "a screw translation needs a principal axis in '" + token + "'");
            };
            t[component] += SeitzMatrix.DENOMINATOR * screw / order;
        }
        return new MatrixSymbol(order, axis, new SeitzMatrix(rotation, t));
    }

    private static void add(int[] t, int twelfths) {
        for (int i = 0; i < 3; i++) {
            t[i] += twelfths;
        }
    }

    private static char defaultAxis(String hallSymbol, String token, int index, int order, int previousOrder) {
        if (order == 1) {
            return 'z'; // the identity and the inversion have no axis; any value gives the same matrix
        }
        if (index == 0) {
            return 'z';
        }
        if (index == 1 && order == 2) {
            if (previousOrder == 2 || previousOrder == 4) {
                return 'x';
            }
            if (previousOrder == 3 || previousOrder == 6) {
                return '\'';
            }
        }
        if (index == 2 && order == 3) {
            return '*';
        }
        throw error(hallSymbol, "matrix symbol '" + token + "' needs an explicit axis");
    }

    private static int[] rotation(String hallSymbol, String token, int order, char axis, char previousAxis) {
        if (order == 1) {
            return Rotations.IDENTITY.clone();
        }
        if (axis == '\'' || axis == '"') {
            if (order != 2) {
                throw error(hallSymbol, "axis " + axis + " needs a 2-fold rotation in '" + token + "'");
            }
            boolean prime = axis == '\'';
            return switch (previousAxis) {
                case 'x' -> prime ? new int[] {-1, 0, 0, 0, 0, -1, 0, -1, 0} : new int[] {-1, 0, 0, 0, 0, 1, 0, 1, 0};
                case 'y' -> prime ? new int[] {0, 0, -1, 0, -1, 0, -1, 0, 0} : new int[] {0, 0, 1, 0, -1, 0, 1, 0, 0};
                default -> prime ? new int[] {0, -1, 0, -1, 0, 0, 0, 0, -1} : new int[] {0, 1, 0, 1, 0, 0, 0, 0, -1};
            };
        }
        if (axis == '*') {
            if (order != 3) {
                throw error(hallSymbol, "axis * needs a 3-fold rotation in '" + token + "'");
            }
            return new int[] {0, 0, 1, 1, 0, 0, 0, 1, 0};
        }
        String key = "" + order + axis;
        return switch (key) {
            case "2x" -> new int[] {1, 0, 0, 0, -1, 0, 0, 0, -1};
            case "2y" -> new int[] {-1, 0, 0, 0, 1, 0, 0, 0, -1};
            case "2z" -> new int[] {-1, 0, 0, 0, -1, 0, 0, 0, 1};
            case "3x" -> new int[] {1, 0, 0, 0, 0, -1, 0, 1, -1};
            case "3y" -> new int[] {-1, 0, 1, 0, 1, 0, -1, 0, 0};
            case "3z" -> new int[] {0, -1, 0, 1, -1, 0, 0, 0, 1};
            case "4x" -> new int[] {1, 0, 0, 0, 0, -1, 0, 1, 0};
            case "4y" -> new int[] {0, 0, 1, 0, 1, 0, -1, 0, 0};
            case "4z" -> new int[] {0, -1, 0, 1, 0, 0, 0, 0, 1};
            case "6x" -> new int[] {1, 0, 0, 0, 1, -1, 0, 1, 0};
            case "6y" -> new int[] {0, 0, 1, 0, 1, 0, -1, 0, 1};
            case "6z" -> new int[] {1, -1, 0, 1, 0, 0, 0, 0, 1};
            default -> throw error(hallSymbol, "no rotation " + key + " in '" + token + "'");
        };
    }

    private static int[] originShift(String hallSymbol, String part) {
        if (!part.endsWith(")")) {
            throw error(hallSymbol, "origin shift '" + part + "' must end with ')'");
        }
        String[] parts = part.substring(1, part.length() - 1).strip().split("\\s+");
        if (parts.length != 3) {
            throw error(hallSymbol, "origin shift '" + part + "' must have 3 components");
        }
        int[] shift = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                shift[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw error(hallSymbol, "origin shift component '" + parts[i] + "' is not an integer");
            }
        }
        return shift;
    }

    private static IllegalArgumentException error(String hallSymbol, String what) {
        return new IllegalArgumentException(
                String.format(Locale.ROOT, "invalid Hall symbol '%s': %s", hallSymbol, what));
    }
}
