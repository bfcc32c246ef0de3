package dev.orion.io.xyz;

import java.util.List;

/** How the extended XYZ writer spells keys and values so that {@link ExtXyzComment} reads them back. */
final class ExtXyzFormatting {

    private ExtXyzFormatting() {
    }

    static String key(String key) {
        return needsQuotes(key) ? quote(key) : key;
    }

    /** The value as written after {@code key=}, or null when the format cannot hold it. */
    static String value(Object value) {
        if (value instanceof String s) {
            return needsQuotes(s) ? quote(s) : s;
        }
        if (value instanceof Boolean b) {
            return b ? "T" : "F";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Number n) {
            return Double.toString(n.doubleValue());
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            StringBuilder sb = new StringBuilder("\"");
            for (Object v : list) {
                if (!(v instanceof Number || v instanceof Boolean)) {
                    return null;
                }
                sb.append(sb.length() == 1 ? "" : " ").append(value(v));
            }
            return sb.append('"').toString();
        }
        return null;
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '=' || c == '\\' || c == '{' || c == '[') {
                return true;
            }
        }
        return false;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
    }
}
