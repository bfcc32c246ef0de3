package dev.orion.core.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ${...}} in a workflow value: {@code ${inputs.NAME}}, {@code ${steps.ID.outputs.NAME}} or
 * {@code ${item}} (the current item of a fan-out). A malformed one has {@link Kind#MALFORMED}.
 */
record Reference(Kind kind, String text, String step, String name) {

    enum Kind { INPUT, STEP, ITEM, MALFORMED }

    private static final Pattern ANY = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern INPUT = Pattern.compile("inputs\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern STEP = Pattern.compile("steps\\.([A-Za-z_][A-Za-z0-9_-]*)\\.outputs\\.([A-Za-z_][A-Za-z0-9_]*)");

    /** @param text a string value  @return every reference in it, in order */
    static List<Reference> findAll(String text) {
        List<Reference> refs = new ArrayList<>();
        Matcher m = ANY.matcher(text);
        while (m.find()) {
            refs.add(parse(m.group(1).trim(), m.group()));
        }
        if (refs.isEmpty() && text.contains("${")) {
            refs.add(new Reference(Kind.MALFORMED, text, "", ""));
        }
        return refs;
    }

    /** @param text a string value  @return the reference if the whole string is one reference */
    static Optional<Reference> whole(String text) {
        Matcher m = ANY.matcher(text.trim());
        return m.matches() ? Optional.of(parse(m.group(1).trim(), m.group())) : Optional.empty();
    }

    /** @param text a string  @param replacer gives the text of each reference  @return the string with references replaced */
    static String interpolate(String text, java.util.function.Function<Reference, String> replacer) {
        Matcher m = ANY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacer.apply(parse(m.group(1).trim(), m.group()))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Reference parse(String inner, String text) {
        if (inner.equals("item")) {
            return new Reference(Kind.ITEM, text, "", "item");
        }
        Matcher i = INPUT.matcher(inner);
        if (i.matches()) {
            return new Reference(Kind.INPUT, text, "", i.group(1));
        }
        Matcher s = STEP.matcher(inner);
        if (s.matches()) {
            return new Reference(Kind.STEP, text, s.group(1), s.group(2));
        }
        return new Reference(Kind.MALFORMED, text, "", "");
    }
}
