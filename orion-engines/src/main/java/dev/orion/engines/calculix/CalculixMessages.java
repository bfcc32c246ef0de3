package dev.orion.engines.calculix;

import java.util.ArrayList;
import java.util.List;

/** CalculiX's own words from its standard output: the {@code *ERROR} messages and the last lines. */
final class CalculixMessages {

    private static final int MAX_ERRORS = 10;
    private static final int TAIL_CHARS = 2000;

    private CalculixMessages() {
    }

    /**
     * @param stdout what ccx printed
     * @return each {@code *ERROR} line with the lines that continue it (up to a blank line or the next message)
     */
    static List<String> errors(String stdout) {
        List<String> out = new ArrayList<>();
        String[] lines = stdout.split("\\R");
        for (int i = 0; i < lines.length && out.size() < MAX_ERRORS; i++) {
            if (!lines[i].strip().startsWith("*ERROR")) {
                continue;
            }
            StringBuilder m = new StringBuilder(lines[i].strip());
            while (i + 1 < lines.length && !lines[i + 1].isBlank() && !lines[i + 1].strip().startsWith("*ERROR")
                    && !lines[i + 1].strip().startsWith("*WARNING")) {
                m.append(' ').append(lines[++i].strip());
            }
            out.add(m.toString());
        }
        return out;
    }

    /** @param text output  @return its last lines, at most about 2000 characters */
    static String tail(String text) {
        String t = text.strip();
        return t.length() > TAIL_CHARS ? t.substring(t.length() - TAIL_CHARS) : t;
    }
}
