package dev.orion.io.xyz;

import dev.orion.io.internal.SourceText;
import java.util.ArrayList;
import java.util.List;

/** How extended XYZ values are typed: integers, reals, logicals, arrays of those, else strings. */
final class ExtXyzValues {

    private ExtXyzValues() {
    }

    /**
     * Types a value as ASE does: {@code 3} is a Long, {@code 1.5} a Double, {@code T} a Boolean,
     * {@code "1 2 3"} a list of Longs, {@code "1 2.5"} a list of Doubles, anything else the string.
     */
    static Object typed(String value) {
        String s = value.strip();
        if (s.isEmpty()) {
            return value;
        }
        String[] parts = s.split("\\s+");
        if (parts.length == 1) {
            Object single = scalar(parts[0]);
            return single == null ? value : single;
        }
        boolean allLong = true;
        boolean allNumber = true;
        boolean allBool = true;
        for (String p : parts) {
            allLong &= longOrNull(p) != null;
            allNumber &= Double.isFinite(SourceText.parseDoubleOrNaN(p));
            allBool &= bool(p) != null;
        }
        if (!allNumber && !allBool) {
            return value;
        }
        List<Object> list = new ArrayList<>(parts.length);
        for (String p : parts) {
            list.add(allLong ? longOrNull(p) : allNumber ? (Object) SourceText.parseDoubleOrNaN(p) : bool(p));
        }
        return list;
    }

    private static Object scalar(String p) {
        Long l = longOrNull(p);
        if (l != null) {
            return l;
        }
        double d = SourceText.parseDoubleOrNaN(p);
        if (Double.isFinite(d)) {
            return d;
        }
        return bool(p);
    }

    /** An integer that fits a long, or null. */
    static Long longOrNull(String s) {
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (s.length() == start || s.length() > 19) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code T}, {@code True}, {@code F}, {@code False} in any case, or null. */
    static Boolean bool(String s) {
        if (s.equalsIgnoreCase("T") || s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("F") || s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
