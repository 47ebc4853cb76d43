package cn.linli.platform.ratelimit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.linli.platform.graphql.DocumentMemo;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * The little a rate limit needs to know about an operation before it runs: its type and its root fields (through
 * fragments too, so a login cannot hide in one). Unparsable or ambiguous documents give null: graphql-java reports them.
 */
record OperationShape(OperationDefinition.Operation type, List<String> rootFields) {

    // createConsoleLoginTicket: anonymous and each one calls WeChat for a code image, so it shares the login budget
    private static final Set<String> LOGINS = Set.of("loginWithWeChat", "refreshSession", "createConsoleLoginTicket");

    boolean isLogin() {
        return type == OperationDefinition.Operation.MUTATION && rootFields.stream().anyMatch(LOGINS::contains);
    }

    /** Each distinct (name, document) a client sends is parsed once. */
    private static final DocumentMemo<Optional<OperationShape>> REMEMBERED = new DocumentMemo<>();

    static @Nullable OperationShape of(String document, @Nullable String operationName) {
        return REMEMBERED.get(operationName + "\u0000" + document,
                key -> Optional.ofNullable(parse(document, operationName))).orElse(null);
    }

    private static @Nullable OperationShape parse(String document, @Nullable String operationName) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (RuntimeException invalid) {
            return null;
        }
        List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.getName()))
                .toList();
        if (operations.size() != 1) {
            return null;
        }
        Map<String, FragmentDefinition> fragments = new java.util.HashMap<>();
        parsed.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.put(fragment.getName(), fragment));
        List<String> fields = new java.util.ArrayList<>();
        collect(operations.get(0).getSelectionSet(), fragments, fields, new HashSet<>());
        return new OperationShape(operations.get(0).getOperation(), List.copyOf(fields));
    }

    private static void collect(@Nullable SelectionSet selections, Map<String, FragmentDefinition> fragments,
                                List<String> into, Set<String> seen) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                into.add(field.getName());
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, into, seen);
            } else if (selection instanceof FragmentSpread spread && seen.add(spread.getName())
                    && fragments.containsKey(spread.getName())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, into, seen);
            }
        }
    }
}
