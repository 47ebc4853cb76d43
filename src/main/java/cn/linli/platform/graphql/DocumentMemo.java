package cn.linli.platform.graphql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Something worked out from a GraphQL document's text, remembered per text: clients send the same few dozen documents
 * over and over, so each distinct one is parsed once. Bounded: past {@link #MAX_ENTRIES} texts it starts over, so a
 * client inventing documents costs memory for a moment only (as {@link CachedDocuments} does for graphql-java's parse).
 */
public final class DocumentMemo<V> {

    static final int MAX_ENTRIES = 1_000;

    private final Map<String, V> entries = new ConcurrentHashMap<>();

    /** The value for this text, worked out by {@code work} the first time (it must not return null). */
    public V get(String text, Function<String, V> work) {
        V known = entries.get(text);
        if (known != null) {
            return known;
        }
        V value = work.apply(text);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(text, value);
        return value;
    }
}
