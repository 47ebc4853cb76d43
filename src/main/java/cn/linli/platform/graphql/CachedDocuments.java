package cn.linli.platform.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct document once, not on every request: clients send the few dozen documents of
 * {@code api/} over and over, and parsing plus validating the dispatch board's document cost more than running it
 * against a primed page. Only documents that passed validation are kept (an invalid one is answered afresh each
 * time, with its errors); the schema never changes while the server runs, so a validated document stays valid.
 * Bounded: past {@link #MAX_ENTRIES} distinct documents the cache starts over, so a client inventing documents
 * costs memory for a moment only.
 */
final class CachedDocuments implements PreparsedDocumentProvider {

    static final int MAX_ENTRIES = 1_000;

    private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached = entries.get(input.getQuery());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(input.getQuery(), entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        return entries.size();
    }
}
