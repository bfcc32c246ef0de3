package dev.orion.core.workflow;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small arithmetic and logical expression, parsed by recursive descent: numbers, variables,
 * {@code + - * / ^}, parentheses, comparisons ({@code < <= > >= == !=}), {@code && || !}, and the functions
 * sqrt, abs, exp, log, min, max, pow. Booleans are 1 and 0. Enough for derived quantities (a vacancy
 * formation energy) and conditions, and nothing that could run code.
 */
final class Expression {

    private final String text;
    private int pos;

    private Expression(String text) {
        this.text = text;
    }

    /**
     * @param text the expression
     * @return the variable names it uses
     * @throws IllegalArgumentException naming the position of a syntax error
     */
    static Set<String> variables(String text) {
        Set<String> vars = new TreeSet<>();
        new Expression(text).parseAll(null, vars);
        return vars;
    }

    /**
     * @param text      the expression
     * @param variables the values of its variables
     * @return its value
     * @throws IllegalArgumentException on a syntax error or an unknown variable
     */
    static double evaluate(String text, Map<String, Double> variables) {
        return new Expression(text).parseAll(variables, new TreeSet<>());
    }

    private double parseAll(Map<String, Double> vars, Set<String> seen) {
        double v = or(vars, seen);
        skip();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return v;
    }

    private double or(Map<String, Double> vars, Set<String> seen) {
        double v = and(vars, seen);
        while (eat("||")) {
            double r = and(vars, seen);
            v = (v != 0 || r != 0) ? 1 : 0;
        }
        return v;
    }

    private double and(Map<String, Double> vars, Set<String> seen) {
        double v = comparison(vars, seen);
        while (eat("&&")) {
            double r = comparison(vars, seen);
            v = (v != 0 && r != 0) ? 1 : 0;
        }
        return v;
    }

    private double comparison(Map<String, Double> vars, Set<String> seen) {
        double v = sum(vars, seen);
        for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
            if (eat(op)) {
                double r = sum(vars, seen);
                return switch (op) {
                    case "<=" -> v <= r ? 1 : 0;
                    case ">=" -> v >= r ? 1 : 0;
                    case "==" -> v == r ? 1 : 0;
                    case "!=" -> v != r ? 1 : 0;
                    case "<" -> v < r ? 1 : 0;
                    default -> v > r ? 1 : 0;
                };
            }
        }
        return v;
    }

    private double sum(Map<String, Double> vars, Set<String> seen) {
        double v = product(vars, seen);
        while (true) {
            if (eat("+")) {
                v += product(vars, seen);
            } else if (eat("-")) {
                v -= product(vars, seen);
            } else {
                return v;
            }
        }
    }

    private double product(Map<String, Double> vars, Set<String> seen) {
        double v = unary(vars, seen);
        while (true) {
            if (eat("*")) {
                v *= unary(vars, seen);
            } else if (eat("/")) {
                v /= unary(vars, seen);
            } else {
                return v;
            }
        }
    }

    private double unary(Map<String, Double> vars, Set<String> seen) {
        if (eat("-")) {
            return -unary(vars, seen);
        }
        if (eat("!")) {
            return unary(vars, seen) == 0 ? 1 : 0;
        }
        double base = atom(vars, seen);
        return eat("^") ? Math.pow(base, unary(vars, seen)) : base;
    }

    private double atom(Map<String, Double> vars, Set<String> seen) {
        skip();
        if (eat("(")) {
            double v = or(vars, seen);
            expect(")");
            return v;
        }
        int start = pos;
        if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                    || text.charAt(pos) == 'e' || text.charAt(pos) == 'E'
                    || ((text.charAt(pos) == '-' || text.charAt(pos) == '+') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')))) {
                pos++;
            }
            try {
                return Double.parseDouble(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad number '" + text.substring(start, pos) + "'");
            }
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "unexpected end");
        }
        String name = text.substring(start, pos);
        if (eat("(")) {
            double a = or(vars, seen);
            double b = eat(",") ? or(vars, seen) : Double.NaN;
            expect(")");
            return function(name, a, b);
        }
        seen.add(name);
        if (vars == null) {
            return 1;
        }
        Double v = vars.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown variable '" + name + "' in '" + text + "'");
        }
        return v;
    }

    private double function(String name, double a, double b) {
        return switch (name) {
            case "sqrt" -> Math.sqrt(a);
            case "abs" -> Math.abs(a);
            case "exp" -> Math.exp(a);
            case "log" -> Math.log(a);
            case "min" -> Math.min(a, b);
            case "max" -> Math.max(a, b);
            case "pow" -> Math.pow(a, b);
            default -> throw error("unknown function '" + name + "'");
        };
    }

    private boolean eat(String token) {
        skip();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at character " + (pos + 1) + " of '" + text + "'");
    }
}
