package dev.tagrouter.tagging;

/**
 * Finds the first arithmetic or algebraic expression in a text ("2+2=4", "x^2", "3x - 1 = 0",
 * "sqrt(2)", "\frac", "≤"), scanning once around operator characters instead of using a regex.
 *
 * <p>An operator counts only with a digit on at least one side and a digit or a one-letter variable
 * on the other, so rating scales ("1 = poor"), grades ("A+"), dates ("2020-05-01") and URLs
 * ("?page=2" needs a lone letter) are not mistaken for mathematics.
 */
final class MathSpotter {

    private static final String SYMBOLS = "∫∑∏√∞≤≥≠±∂∆";
    private static final String[] LATEX = {"\\frac", "\\sqrt", "\\int", "\\sum", "\\lim", "\\cdot", "\\times"};
    private static final String[] FUNCTIONS = {"sin", "cos", "tan", "log", "ln", "sqrt", "exp", "f"};

    private MathSpotter() {
    }

    /** Start of the first expression, or -1. */
    static int find(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '+', '*', '×', '÷', '^', '=' -> {
                    int left = operandStart(text, i);
                    if (left >= 0 && hasRightOperand(text, i, isDigitBefore(text, i) || c == '^')) {
                        return left;
                    }
                }
                case '-' -> {
                    // Only "2x - 3" style: a coefficient-and-variable before, a digit after.
                    int left = operandStart(text, i);
                    if (left >= 0 && !isDigitBefore(text, i) && hasRightOperand(text, i, true)
                            && left > 0 && Character.isDigit(text.charAt(left - 1))) {
                        return left - 1;
                    }
                }
                case '\\' -> {
                    for (String command : LATEX) {
                        if (text.startsWith(command, i)) {
                            return i;
                        }
                    }
                }
                case '(' -> {
                    int fn = functionBefore(text, i);
                    if (fn >= 0) {
                        return fn;
                    }
                }
                default -> {
                    if (c > 0x2200 && SYMBOLS.indexOf(c) >= 0) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** Where the operand left of the operator starts (digit run or lone variable), or -1. */
    private static int operandStart(String text, int op) {
        int j = op - 1;
        if (j >= 0 && text.charAt(j) == ' ') {
            j--;
        }
        if (j < 0) {
            return -1;
        }
        char c = text.charAt(j);
        if (Character.isDigit(c)) {
            while (j > 0 && (Character.isDigit(text.charAt(j - 1)) || text.charAt(j - 1) == '.')) {
                j--;
            }
            // "v2" or "mp3 = ..." are names, not numbers
            return j > 0 && Character.isLetter(text.charAt(j - 1)) ? -1 : j;
        }
        if (c == ')') {
            return j;
        }
        return isLoneVariable(text, j) ? j : -1;
    }

    private static boolean isDigitBefore(String text, int op) {
        int j = op - 1;
        if (j >= 0 && text.charAt(j) == ' ') {
            j--;
        }
        return j >= 0 && (Character.isDigit(text.charAt(j)) || text.charAt(j) == ')');
    }

    private static boolean hasRightOperand(String text, int op, boolean variableAllowed) {
        int n = text.length();
        int j = op + 1;
        if (j < n && text.charAt(j) == ' ') {
            j++;
        }
        if (j < n && (text.charAt(j) == '-' || text.charAt(j) == '(')) {
            j++;
        }
        if (j >= n) {
            return false;
        }
        char c = text.charAt(j);
        return Character.isDigit(c) || (variableAllowed && isLoneVariable(text, j));
    }

    /** A single lowercase letter, possibly after a coefficient ("2x"), not part of a word. */
    private static boolean isLoneVariable(String text, int j) {
        char c = text.charAt(j);
        if (c < 'a' || c > 'z') {
            return false;
        }
        boolean before = j == 0 || !Character.isLetter(text.charAt(j - 1));
        boolean after = j + 1 >= text.length() || !Character.isLetter(text.charAt(j + 1));
        return before && after && (j == 0 || (text.charAt(j - 1) != '\'' && text.charAt(j - 1) != '’'));
    }

    private static int functionBefore(String text, int paren) {
        int j = paren;
        if (j > 0 && text.charAt(j - 1) == ' ') {
            j--;
        }
        for (String fn : FUNCTIONS) {
            int start = j - fn.length();
            if (start >= 0 && text.startsWith(fn, start)
                    && (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))) {
                if (fn.equals("f")) {
                    // "f(x)" only: a bare "f(" is too common in prose and code
                    return paren + 2 < text.length() && isLoneVariable(text, paren + 1)
                            && text.charAt(paren + 2) == ')' ? start : -1;
                }
                return start;
            }
        }
        return -1;
    }
}
