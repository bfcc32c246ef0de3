package dev.orion.io.vasp;

import dev.orion.io.internal.SourceText;
import dev.orion.io.internal.SourceText.Token;
import java.util.List;

/**
 * The coordinate lines of a POSCAR: three numbers, three selective-dynamics flags when the file
 * has them, then optionally a symbol or a comment ({@code # Na1}) that VASP itself ignores.
 */
final class PoscarSites {

    private final double[] xyz;
    private final boolean[] flags;
    private final String[] labels;
    private final String[] hints;
    private final int firstLine;

    private PoscarSites(int n, boolean selective, int firstLine) {
        this.xyz = new double[3 * n];
        this.flags = selective ? new boolean[3 * n] : null;
        this.labels = new String[n];
        this.hints = new String[n];
        this.firstLine = firstLine;
    }

    static PoscarSites parse(SourceText src, int firstLine, PoscarCounts counts, boolean selective, int modeLine) {
        int n = counts.total();
        int available = Math.max(0, src.lineCount() - firstLine + 1);
        if (available < n) {
            // Checked before allocating anything sized by the counts line.
            int missing = available + 1;
            throw src.error(firstLine + available, 0, "unexpected end of input: expected " + n
                    + " coordinate lines from line " + firstLine + " (the counts on line " + counts.line()
                    + " add up to " + n + "), but the input ends after " + available + "; atom " + missing
                    + " (count group " + (counts.groupOf(missing - 1) + 1) + ") is missing"
                    + (looksLikeCoordinates(src, modeLine)
                    ? ". Line " + modeLine + " looks like coordinates, but it is read as the Direct/Cartesian line"
                    : ""));
        }
        PoscarSites sites = new PoscarSites(n, selective, firstLine);
        for (int i = 0; i < n; i++) {
            sites.parseLine(src, i, selective);
        }
        return sites;
    }

    private void parseLine(SourceText src, int i, boolean selective) {
        int line = firstLine + i;
        List<Token> tokens = src.tokens(line);
        String atom = "atom " + (i + 1);
        for (int k = 0; k < 3; k++) {
            if (k >= tokens.size() || tokens.get(k).text().startsWith("#") || tokens.get(k).text().startsWith("!")) {
                throw src.error(line, k < tokens.size() ? tokens.get(k).column() : src.line(line).length() + 1,
                        "expected three coordinates for " + atom + ", found " + k + " number(s)");
            }
            xyz[3 * i + k] = src.parseDouble(tokens.get(k), "coordinate " + "xyz".charAt(k) + " of " + atom);
        }
        int next = 3;
        if (selective) {
            for (int k = 0; k < 3; k++, next++) {
                if (next >= tokens.size()) {
                    throw src.error(line, src.line(line).length() + 1, "expected three selective-dynamics "
                            + "flags (T or F) after the coordinates of " + atom + ", found " + k);
                }
                flags[3 * i + k] = flag(src, tokens.get(next), atom);
            }
        }
        if (next < tokens.size()) {
            String t = tokens.get(next).text();
            if (t.startsWith("#") || t.startsWith("!")) {
                String rest = src.line(line).substring(tokens.get(next).column()).strip();
                labels[i] = rest;
                int space = indexOfWhitespace(rest);
                hints[i] = rest.isEmpty() ? null : space < 0 ? rest : rest.substring(0, space);
            } else {
                hints[i] = t;
            }
        }
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean flag(SourceText src, Token token, String atom) {
        String t = token.text();
        String s = t.startsWith(".") ? t.substring(1) : t;
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == 'T' || c == 't') {
                return true;
            }
            if (c == 'F' || c == 'f') {
                return false;
            }
        }
        throw src.error(token, "expected a selective-dynamics flag (T or F) for " + atom + ", found '" + t + "'");
    }

    private static boolean looksLikeCoordinates(SourceText src, int line) {
        if (line > src.lineCount()) {
            return false;
        }
        List<Token> tokens = src.tokens(line);
        return tokens.size() >= 3 && tokens.subList(0, 3).stream()
                .allMatch(t -> Double.isFinite(SourceText.parseDoubleOrNaN(t.text())));
    }

    /** The three numbers of site {@code i} as written. */
    double[] coordinates(int i) {
        return new double[] {xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]};
    }

    List<Boolean> flags(int i) {
        return List.of(flags[3 * i], flags[3 * i + 1], flags[3 * i + 2]);
    }

    /** The comment of site {@code i}, or "" when it has none. */
    String label(int i) {
        return labels[i] == null ? "" : labels[i];
    }

    /** What the line says about the site's species (comment or trailing symbol), or null. */
    String hint(int i) {
        return hints[i];
    }

    int line(int i) {
        return firstLine + i;
    }
}
