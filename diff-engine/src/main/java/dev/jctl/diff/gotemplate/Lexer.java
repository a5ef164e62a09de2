package dev.jctl.diff.gotemplate;

import dev.jctl.diff.io.GoStrings;

/**
 * text/template's scanner: text, actions between {@code {{ }}}, trim markers ({@code {{- } and {@code -}}} with a
 * space), comments, and the tokens inside actions. Positions are indexes into the text; lines count from 1.
 */
final class Lexer {
    enum ItemType {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER, LEFT_DELIM,
        LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE,
        // Keywords come after all the rest.
        KEYWORD, BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean isKeyword() {
            return compareTo(KEYWORD) > 0;
        }
    }

    record Item(ItemType type, int pos, String val, int line) {
        /** Go's {@code item.String()}, as parse errors quote tokens. */
        @Override
        public String toString() {
            if (type == ItemType.EOF) {
                return "EOF";
            }
            if (type == ItemType.ERROR) {
                return val;
            }
            if (type.isKeyword()) {
                return "<" + val + ">";
            }
            if (val.codePointCount(0, val.length()) > 10) {
                return GoStrings.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
            }
            return GoStrings.quote(val);
        }
    }

    private static final String LEFT_DELIM = "{{";
    private static final String RIGHT_DELIM = "}}";
    private static final String LEFT_COMMENT = "/*";
    private static final String RIGHT_COMMENT = "*/";

    private String input;
    private int pos;
    private int start;
    private boolean atEof;
    private int parenDepth;
    private int line = 1;
    private int startLine = 1;
    private Item item;
    private boolean insideAction;
    boolean breakOk;
    boolean continueOk;

    private interface State {
        State run(Lexer l);
    }

    Lexer(String input) {
        this.input = input;
    }

    Item nextItem() {
        item = new Item(ItemType.EOF, pos, "EOF", startLine);
        State state = insideAction ? Lexer::lexInsideAction : Lexer::lexText;
        while (state != null) {
            state = state.run(this);
        }
        return item;
    }

    private int next() {
        if (pos >= input.length()) {
            atEof = true;
            return -1;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        if (r == '\n') {
            line++;
        }
        return r;
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void backup() {
        if (!atEof && pos > 0) {
            int r = input.codePointBefore(pos);
            pos -= Character.charCount(r);
            if (r == '\n') {
                line--;
            }
        }
    }

    private Item thisItem(ItemType type) {
        Item i = new Item(type, start, input.substring(start, pos), startLine);
        start = pos;
        startLine = line;
        return i;
    }

    private State emit(ItemType type) {
        return emitItem(thisItem(type));
    }

    private State emitItem(Item i) {
        item = i;
        return null;
    }

    private void ignore() {
        line += count(input.substring(start, pos));
        start = pos;
        startLine = line;
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r >= 0 && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        int r = next();
        while (r >= 0 && valid.indexOf(r) >= 0) {
            r = next();
        }
        backup();
    }

    private State errorf(String message) {
        item = new Item(ItemType.ERROR, start, message, startLine);
        start = 0;
        pos = 0;
        input = "";
        return null;
    }

    private static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    private static boolean isAlphaNumeric(int r) {
        return r == '_' || r >= 0 && (Character.isLetter(r) || Character.isDigit(r));
    }

    private static boolean hasLeftTrimMarker(String s, int at) {
        return s.length() >= at + 2 && s.charAt(at) == '-' && isSpace(s.charAt(at + 1));
    }

    private static boolean hasRightTrimMarker(String s, int at) {
        return s.length() >= at + 2 && isSpace(s.charAt(at)) && s.charAt(at + 1) == '-';
    }

    private static int spaceLength(String s, int from, int to, boolean fromEnd) {
        int n = 0;
        if (fromEnd) {
            while (to - n > from && isSpace(s.charAt(to - n - 1))) {
                n++;
            }
        } else {
            while (from + n < to && isSpace(s.charAt(from + n))) {
                n++;
            }
        }
        return n;
    }

    private State lexText() {
        int x = input.indexOf(LEFT_DELIM, pos);
        if (x >= 0) {
            if (x > pos) {
                pos = x;
                int trimLength = 0;
                if (hasLeftTrimMarker(input, pos + LEFT_DELIM.length())) {
                    trimLength = spaceLength(input, start, pos, true);
                }
                pos -= trimLength;
                line += count(input.substring(start, pos));
                Item i = thisItem(ItemType.TEXT);
                pos += trimLength;
                ignore();
                if (!i.val().isEmpty()) {
                    return emitItem(i);
                }
            }
            return Lexer::lexLeftDelim;
        }
        pos = input.length();
        if (pos > start) {
            line += count(input.substring(start, pos));
            return emit(ItemType.TEXT);
        }
        return emit(ItemType.EOF);
    }

    private boolean[] atRightDelim() {
        if (hasRightTrimMarker(input, pos) && input.startsWith(RIGHT_DELIM, pos + 2)) {
            return new boolean[] {true, true};
        }
        return new boolean[] {input.startsWith(RIGHT_DELIM, pos), false};
    }

    private State lexLeftDelim() {
        pos += LEFT_DELIM.length();
        boolean trimSpace = hasLeftTrimMarker(input, pos);
        int afterMarker = trimSpace ? 2 : 0;
        if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return Lexer::lexComment;
        }
        Item i = thisItem(ItemType.LEFT_DELIM);
        insideAction = true;
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return emitItem(i);
    }

    private State lexComment() {
        pos += LEFT_COMMENT.length();
        int x = input.indexOf(RIGHT_COMMENT, pos);
        if (x < 0) {
            return errorf("unclosed comment");
        }
        pos = x + RIGHT_COMMENT.length();
        boolean[] delim = atRightDelim();
        if (!delim[0]) {
            return errorf("comment ends before closing delimiter");
        }
        line += count(input.substring(start, pos));
        thisItem(ItemType.COMMENT);
        if (delim[1]) {
            pos += 2;
        }
        pos += RIGHT_DELIM.length();
        if (delim[1]) {
            pos += spaceLength(input, pos, input.length(), false);
        }
        ignore();
        return Lexer::lexText;
    }

    private State lexRightDelim() {
        boolean trimSpace = atRightDelim()[1];
        if (trimSpace) {
            pos += 2;
            ignore();
        }
        pos += RIGHT_DELIM.length();
        Item i = thisItem(ItemType.RIGHT_DELIM);
        if (trimSpace) {
            pos += spaceLength(input, pos, input.length(), false);
            ignore();
        }
        insideAction = false;
        return emitItem(i);
    }

    private State lexInsideAction() {
        if (atRightDelim()[0]) {
            if (parenDepth == 0) {
                return Lexer::lexRightDelim;
            }
            return errorf("unclosed left paren");
        }
        int r = next();
        if (r == -1) {
            return errorf("unclosed action");
        }
        if (isSpace(r)) {
            backup();
            return Lexer::lexSpace;
        }
        switch (r) {
            case '=':
                return emit(ItemType.ASSIGN);
            case ':':
                if (next() != '=') {
                    return errorf("expected :=");
                }
                return emit(ItemType.DECLARE);
            case '|':
                return emit(ItemType.PIPE);
            case '"':
                return Lexer::lexQuote;
            case '`':
                return Lexer::lexRawQuote;
            case '$':
                return Lexer::lexVariable;
            case '\'':
                return Lexer::lexChar;
            case '.':
                if (pos < input.length()) {
                    char c = input.charAt(pos);
                    if (c < '0' || c > '9') {
                        return Lexer::lexField;
                    }
                }
                backup();
                return Lexer::lexNumber;
            case '(':
                parenDepth++;
                return emit(ItemType.LEFT_PAREN);
            case ')':
                parenDepth--;
                if (parenDepth < 0) {
                    return errorf("unexpected right paren");
                }
                return emit(ItemType.RIGHT_PAREN);
            default:
                break;
        }
        if (r == '+' || r == '-' || r >= '0' && r <= '9') {
            backup();
            return Lexer::lexNumber;
        }
        if (isAlphaNumeric(r)) {
            backup();
            return Lexer::lexIdentifier;
        }
        if (r < 0x80 && r >= 0x20 && r != 0x7f) {
            return emit(ItemType.CHAR);
        }
        return errorf("unrecognized character in action: " + unicodeForm(r));
    }

    /** Go's {@code %#U}: {@code U+0041 'A'}, the character only when printable. */
    static String unicodeForm(int r) {
        String hex = String.format("U+%04X", r);
        return GoStrings.isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
    }

    private State lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            numSpaces++;
        }
        if (hasRightTrimMarker(input, pos - 1) && input.startsWith(RIGHT_DELIM, pos - 1 + 2)) {
            backup();
            if (numSpaces == 1) {
                return Lexer::lexRightDelim;
            }
        }
        return emit(ItemType.SPACE);
    }

    private State lexIdentifier() {
        while (true) {
            int r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                String word = input.substring(start, pos);
                if (!atTerminator()) {
                    return errorf("bad character " + unicodeForm(r));
                }
                ItemType keyword = keyword(word);
                if (keyword != null) {
                    if (keyword == ItemType.BREAK && !breakOk || keyword == ItemType.CONTINUE && !continueOk) {
                        return emit(ItemType.IDENTIFIER);
                    }
                    return emit(keyword);
                }
                if (word.charAt(0) == '.') {
                    return emit(ItemType.FIELD);
                }
                if (word.equals("true") || word.equals("false")) {
                    return emit(ItemType.BOOL);
                }
                return emit(ItemType.IDENTIFIER);
            }
        }
    }

    private static ItemType keyword(String word) {
        return switch (word) {
            case "." -> ItemType.DOT;
            case "block" -> ItemType.BLOCK;
            case "break" -> ItemType.BREAK;
            case "continue" -> ItemType.CONTINUE;
            case "define" -> ItemType.DEFINE;
            case "else" -> ItemType.ELSE;
            case "end" -> ItemType.END;
            case "if" -> ItemType.IF;
            case "range" -> ItemType.RANGE;
            case "nil" -> ItemType.NIL;
            case "template" -> ItemType.TEMPLATE;
            case "with" -> ItemType.WITH;
            default -> null;
        };
    }

    private State lexField() {
        return lexFieldOrVariable(ItemType.FIELD);
    }

    private State lexVariable() {
        if (atTerminator()) {
            return emit(ItemType.VARIABLE);
        }
        return lexFieldOrVariable(ItemType.VARIABLE);
    }

    private State lexFieldOrVariable(ItemType type) {
        if (atTerminator()) {
            return emit(type == ItemType.VARIABLE ? ItemType.VARIABLE : ItemType.DOT);
        }
        int r;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) {
            return errorf("bad character " + unicodeForm(r));
        }
        return emit(type);
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case -1, '.', ',', '|', ':', ')', '(':
                return true;
            default:
                return input.startsWith(RIGHT_DELIM, pos);
        }
    }

    private State lexChar() {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != -1 && r != '\n') {
                    continue;
                }
            }
            if (r == -1 || r == '\n') {
                return errorf("unterminated character constant");
            }
            if (r == '\'') {
                return emit(ItemType.CHAR_CONSTANT);
            }
        }
    }

    private State lexNumber() {
        if (!scanNumber()) {
            return errorf("bad number syntax: " + GoStrings.quote(input.substring(start, pos)));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return errorf("bad number syntax: " + GoStrings.quote(input.substring(start, pos)));
            }
            return emit(ItemType.COMPLEX);
        }
        return emit(ItemType.NUMBER);
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private State lexQuote() {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != -1 && r != '\n') {
                    continue;
                }
            }
            if (r == -1 || r == '\n') {
                return errorf("unterminated quoted string");
            }
            if (r == '"') {
                return emit(ItemType.STRING);
            }
        }
    }

    private State lexRawQuote() {
        while (true) {
            int r = next();
            if (r == -1) {
                return errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                return emit(ItemType.RAW_STRING);
            }
        }
    }
}
