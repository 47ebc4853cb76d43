package cn.linli.platform.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.linli.platform.pagination.PageRequest;
import cn.linli.support.ApiDocuments;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.language.NonNullType;
import graphql.language.TypeName;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prices operations with the limits of application.yml (no Spring context): the review's abuse queries are over budget
 * on their weights alone, and every published api/ document stays under every limit, even asking for the largest pages.
 */
class QueryCostTest {

    private static GraphQLSchema schema;
    private static QueryLimits limits;

    @BeforeAll
    static void load() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        limits = new Binder(org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(yaml))
                .bind("linli.graphql", QueryLimits.class).get();
    }

    private static QueryCost price(String document, Map<String, Object> variables) {
        return QueryCost.of(schema, Parser.parse(document), null, variables, limits);
    }

    private static String aliases(int count, String field) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            query.append(" a").append(i).append(": ").append(field);
        }
        return query.append(" }").toString();
    }

    @Test
    void expensiveFieldsAreWeighted() {
        assertThat(limits.weightOf("Query", "dispatchCandidates")).isGreaterThan(1);
        assertThat(limits.weightOf("Partner", "scorecard")).isGreaterThan(1);
        assertThat(limits.weightOf("Partner", "name")).isEqualTo(1);
    }

    @Test
    void hundredsOfAliasesOfAnExpensiveFieldAreOverBudgetOnTheirWeightAlone() {
        QueryCost candidates = price(aliases(100, "dispatchCandidates(orderId: 1) { rank partner { id name } }"), Map.of());
        assertThat(candidates.complexity()).isGreaterThan(limits.maxComplexity());
        QueryCost scorecards = price(aliases(200, "partner(id: 1) { scorecard { completedOrders } }"), Map.of());
        assertThat(scorecards.complexity()).isGreaterThan(limits.maxComplexity());
        // the review's queries: 1,000 aliases each
        assertThat(price(aliases(1000, "dispatchCandidates(orderId: 1) { rank }"), Map.of()).complexity())
                .isGreaterThan(limits.maxComplexity());
        assertThat(price(aliases(1000, "partner(id: 1) { scorecard { completedOrders } }"), Map.of()).rootFields())
                .isGreaterThan(limits.maxRootFields());
    }

    @Test
    void weightsMultiplyWithThePagesAbove() {
        QueryCost one = price("{ offerings(communityId: 1, first: 10) { edges { node { partner { scorecard { completedOrders } } } } } }",
                Map.of());
        // offerings 1 + edges 10 + node 10 + partner 10 + scorecard 10×50 + completedOrders 10
        assertThat(one.complexity()).isEqualTo(1 + 10 + 10 + 10 + 10 * limits.weightOf("Partner", "scorecard") + 10);
        assertThat(one.rootFields()).isEqualTo(1);
    }

    @Test
    void everyPublishedDocumentPassesEvenWithTheLargestPages() throws IOException {
        List<String> operations;
        try (Stream<Path> files = Files.list(Path.of("api"))) {
            operations = files.map(f -> f.getFileName().toString().replace(".graphql", ""))
                    .filter(name -> !name.endsWith("Fields"))
                    .sorted()
                    .toList();
        }
        assertThat(operations).hasSizeGreaterThan(50);
        for (String operation : operations) {
            Document document = Parser.parse(ApiDocuments.load(operation));
            for (Map<String, Object> variables : List.of(required(document), largestPages(document))) {
                QueryCost cost = QueryCost.of(schema, document, operation, variables, limits);
                assertThat(cost.oversizedPage()).as(operation).isNull();
                assertThat(cost.depth()).as("depth of %s", operation).isLessThanOrEqualTo(limits.maxDepth());
                assertThat(cost.rootFields()).as("root fields of %s", operation).isLessThanOrEqualTo(limits.maxRootFields());
                assertThat(cost.complexity()).as("complexity of %s", operation).isLessThanOrEqualTo(limits.maxComplexity());
            }
        }
    }

    /** Required variables filled in (the cost does not depend on their values). */
    private static Map<String, Object> required(Document document) {
        Map<String, Object> variables = new HashMap<>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                if (variable.getType() instanceof NonNullType required) {
                    variables.put(variable.getName(), required.getType() instanceof TypeName name
                            ? placeholder((GraphQLInputType) schema.getType(name.getName()))
                            : List.of());
                }
            }
        }
        return variables;
    }

    /** ... and every page size variable ({@code $first}) at the cap, as a client paging at full size would send. */
    private static Map<String, Object> largestPages(Document document) {
        Map<String, Object> variables = required(document);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                if (variable.getName().equals("first")) {
                    variables.put(variable.getName(), PageRequest.MAX_PAGE_SIZE);
                }
            }
        }
        return variables;
    }

    private static Object placeholder(GraphQLInputType type) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList) {
            return List.of();
        }
        if (bare instanceof GraphQLInputObjectType input) {
            Map<String, Object> fields = new HashMap<>();
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                if (GraphQLTypeUtil.isNonNull(field.getType())) {
                    fields.put(field.getName(), placeholder(field.getType()));
                }
            }
            return fields;
        }
        return bare instanceof GraphQLEnumType enumType ? enumType.getValues().get(0).getName() : "1";
    }
}
