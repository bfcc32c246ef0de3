package dev.orion.io.xyz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Chooses which per-site properties an extended XYZ writer can put in columns: those every site
 * has, with the same shape everywhere (a number, a boolean, a string without spaces, or a list of
 * one of those of the same length). Everything else is left out, as the format cannot hold it.
 */
final class ExtXyzPropertyColumns {

    /**
     * A column to write.
     *
     * @param name  the property
     * @param type  S, R, I or L
     * @param count the number of values per site
     */
    record Planned(String name, char type, int count) {

        String spec() {
            return name + ":" + type + ":" + count;
        }

        void append(StringBuilder out, Object value) {
            if (count == 1) {
                appendScalar(out, value);
            } else {
                for (Object v : (List<?>) value) {
                    appendScalar(out, v);
                }
            }
        }

        private void appendScalar(StringBuilder out, Object v) {
            out.append(' ');
            switch (type) {
                case 'R' -> out.append(Double.toString(((Number) v).doubleValue()));
                case 'I' -> out.append(((Number) v).longValue());
                case 'L' -> out.append((Boolean) v ? 'T' : 'F');
                default -> out.append((String) v);
            }
        }
    }

    private ExtXyzPropertyColumns() {
    }

    /**
     * @param size       the number of sites
     * @param properties the properties of site {@code i}
     * @param reserved   names the writer uses itself
     */
    static List<Planned> plan(int size, IntFunction<Map<String, Object>> properties, List<String> reserved) {
        List<Planned> planned = new ArrayList<>();
        if (size == 0) {
            return planned;
        }
        for (String name : properties.apply(0).keySet()) {
            if (reserved.stream().anyMatch(name::equalsIgnoreCase) || !isColumnName(name)) {
                continue;
            }
            Planned p = null;
            boolean ok = true;
            for (int i = 0; i < size && ok; i++) {
                Planned here = shape(name, properties.apply(i).get(name));
                if (here == null || (p != null && (p.count != here.count || !compatible(p.type, here.type)))) {
                    ok = false;
                } else if (p == null || (p.type == 'I' && here.type == 'R')) {
                    p = here;
                }
            }
            if (ok) {
                planned.add(p);
            }
        }
        return planned;
    }

    private static boolean compatible(char a, char b) {
        return a == b || (a == 'I' && b == 'R') || (a == 'R' && b == 'I');
    }

    private static boolean isColumnName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == ':' || c == '"' || c == '=') {
                return false;
            }
        }
        return !name.isEmpty();
    }

    private static Planned shape(String name, Object value) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return null;
            }
            char type = 0;
            for (Object v : list) {
                char t = type(v);
                if (t == 0 || (type != 0 && !compatible(type, t))) {
                    return null;
                }
                type = type == 'R' || t == 'R' ? 'R' : t;
            }
            return new Planned(name, type, list.size());
        }
        char t = type(value);
        return t == 0 ? null : new Planned(name, t, 1);
    }

    private static char type(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return 'I';
        }
        if (v instanceof Number) {
            return 'R';
        }
        if (v instanceof Boolean) {
            return 'L';
        }
        if (v instanceof String s && isColumnName(s) && s.charAt(0) != '#') {
            return 'S';
        }
        return 0;
    }
}
