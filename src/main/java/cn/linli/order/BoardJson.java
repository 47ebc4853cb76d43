package cn.linli.order;

import java.util.List;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * Writes the compiled dispatch board's JSON ({@link CompiledDispatchBoard}): raw text from the statement, strings
 * quoted by Jackson's own encoder, and the members of a JSON object PostgreSQL wrote, spliced into an object of ours.
 */
final class BoardJson {

    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    private final StringBuilder out = new StringBuilder(16_384);

    BoardJson raw(String json) {
        out.append(json);
        return this;
    }

    BoardJson string(String value) {
        out.append('"');
        QUOTE.quoteAsString(value, out);
        out.append('"');
        return this;
    }

    BoardJson strings(List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(values.get(i));
        }
        out.append(']');
        return this;
    }

    /** The members of {@code object} (a JSON object's text, never empty) without its braces. */
    BoardJson members(String object) {
        if (object.length() < 2 || object.charAt(0) != '{' || object.charAt(object.length() - 1) != '}') {
            throw new IllegalStateException("not a JSON object: " + object);
        }
        out.append(object, 1, object.length() - 1);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
