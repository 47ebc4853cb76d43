package cn.linli.platform.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The operations published in {@code api/} (on the classpath as {@code trusted-documents/}), each with the fragments
 * it uses, in a canonical form: parsed and printed compactly, definitions sorted, so whitespace, comments and fragment
 * order do not matter. {@link TrustedDocuments} accepts only these; a compiled plan recognises its document by it.
 */
public final class PublishedOperations {

    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([A-Z][A-Za-z0-9_]*)");
    /** Each distinct text a client sends is parsed once. */
    private static final DocumentMemo<String> REMEMBERED = new DocumentMemo<>();
    private static volatile Map<String, String> published;

    /** Operation name → canonical form of the operation with its fragments. */
    public static Map<String, String> canonicalByName() {
        Map<String, String> loaded = published;
        if (loaded == null) {
            loaded = load();
            published = loaded;
        }
        return loaded;
    }

    /** The canonical form of a document as a client sent it; "" when it does not parse. */
    public static String canonical(String document) {
        return REMEMBERED.get(document, text -> {
            try {
                return canonical(Parser.parse(text));
            } catch (RuntimeException invalid) {
                return "";
            }
        });
    }

    private static String canonical(Document document) {
        return document.getDefinitions().stream()
                .map(AstPrinter::printAstCompact)
                .sorted(Comparator.naturalOrder())
                .reduce("", (a, b) -> a + "\n" + b);
    }

    private static Map<String, String> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:trusted-documents/*.graphql");
            Map<String, FragmentDefinition> fragments = new HashMap<>();
            List<OperationDefinition> operations = new ArrayList<>();
            for (Resource file : files) {
                Document document = Parser.parse(file.getContentAsString(StandardCharsets.UTF_8));
                for (Definition<?> definition : document.getDefinitions()) {
                    if (definition instanceof FragmentDefinition fragment) {
                        fragments.put(fragment.getName(), fragment);
                    } else if (definition instanceof OperationDefinition operation) {
                        operations.add(operation);
                    }
                }
            }
            Map<String, String> canonical = new HashMap<>();
            for (OperationDefinition operation : operations) {
                List<Definition> definitions = new ArrayList<>();
                definitions.add(operation);
                collect(AstPrinter.printAstCompact(operation), fragments, definitions, new HashSet<>());
                canonical.put(operation.getName(), canonical(Document.newDocument().definitions(definitions).build()));
            }
            return Map.copyOf(canonical);
        } catch (IOException ex) {
            throw new UncheckedIOException("could not read the published operations", ex);
        }
    }

    private static void collect(String text, Map<String, FragmentDefinition> fragments, List<Definition> into,
                                Set<String> seen) {
        Matcher spread = SPREAD.matcher(text);
        while (spread.find()) {
            String name = spread.group(1);
            FragmentDefinition fragment = fragments.get(name);
            if (fragment != null && seen.add(name)) {
                into.add(fragment);
                collect(AstPrinter.printAstCompact(fragment), fragments, into, seen);
            }
        }
    }

    private PublishedOperations() {
    }
}
