package cn.linli.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import cn.linli.platform.error.ErrorCode;
import cn.linli.support.ApiDocuments;
import graphql.language.DescribedNode;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.SDLExtensionDefinition;
import graphql.language.TypeDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.DirectiveInfo;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema in {@code schema/} is the contract: the api/ documents must fit it, and the error codes match the code. */
class SchemaContractTest {

    private static TypeDefinitionRegistry registry() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        return registry;
    }

    private static GraphQLSchema schema() throws IOException {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry());
    }

    @Test
    void everyApiDocumentIsValidAgainstTheSchema() throws IOException {
        GraphQLSchema schema = schema();
        List<String> operations;
        try (Stream<Path> files = Files.list(Path.of("api"))) {
            operations = files.map(f -> f.getFileName().toString().replace(".graphql", ""))
                    .filter(name -> !name.endsWith("Fields"))
                    .sorted()
                    .toList();
        }
        assertThat(operations).contains("LoginWithWeChat", "Me", "CommunityTree");
        for (String operation : operations) {
            Document document = Parser.parse(ApiDocuments.load(operation));
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ROOT);
            assertThat(errors).as("api/%s.graphql", operation).isEmpty();
        }
    }

    @Test
    void aDocumentWithAnUnknownFieldFailsValidation() throws IOException {
        Document document = Parser.parse("query Me { me { id openid } }");
        assertThat(new Validator().validateDocument(schema(), document, Locale.ROOT)).isNotEmpty();
    }

    @Test
    void errorCodesInTheSchemaMatchTheCode() throws IOException {
        GraphQLEnumType schemaCodes = (GraphQLEnumType) schema().getType("ErrorCode");
        assertThat(schemaCodes.getValues().stream().map(GraphQLEnumValueDefinition::getName))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }

    @Test
    void everyTypeOfTheSchemaIsDescribed() throws IOException {
        GraphQLSchema schema = schema();
        List<String> undescribed = schema.getAllTypesAsList().stream()
                .filter(type -> !type.getName().startsWith("__"))
                .filter(type -> type instanceof graphql.schema.GraphQLObjectType || type instanceof graphql.schema.GraphQLEnumType
                        || type instanceof graphql.schema.GraphQLScalarType && !List.of("String", "Int", "Boolean", "ID", "Float").contains(type.getName()))
                .filter(type -> !type.getName().endsWith("Edge") && !List.of("Query", "Mutation", "Subscription").contains(type.getName()))
                .filter(type -> ((graphql.schema.GraphQLNamedSchemaElement) type).getDescription() == null)
                .map(graphql.schema.GraphQLNamedType::getName)
                .toList();
        assertThat(undescribed).as("types without a description").isEmpty();
    }

    /**
     * Front-end developers read the schema in GraphiQL and the generated docs: every type, field, argument, input field,
     * enum value, scalar and directive says what it is. Fields of {@code extend type} blocks count too.
     */
    @Test
    void everyTypeFieldArgumentAndEnumValueIsDescribed() throws IOException {
        assertThat(undescribed(registry())).as("schema elements without a description").isEmpty();
    }

    /** The check above can fail: an undescribed field, here in an extension, is reported by its coordinate. */
    @Test
    void anUndescribedFieldIsReported() {
        TypeDefinitionRegistry registry = new SchemaParser().parse("""
                "The root."
                type Query {
                    "Described."
                    described(
                        "Described too."
                        id: ID
                    ): String
                }

                extend type Query {
                    undescribed: String
                }
                """);
        assertThat(undescribed(registry)).containsExactly("Query.undescribed");
    }

    /**
     * Every definition of the registry without a non-blank description, named by its coordinate: {@code Order},
     * {@code Order.rating}, {@code Mutation.placeOrder(input)}, {@code OrderStatus.SUBMITTED}, {@code @name(arg)}.
     * Type extensions cannot carry a description themselves (the grammar has none), but their members are checked.
     */
    @SuppressWarnings("rawtypes") // the registry hands out raw TypeDefinitions
    private static List<String> undescribed(TypeDefinitionRegistry registry) {
        List<TypeDefinition> definitions = new ArrayList<>(registry.types().values());
        registry.scalars().values().stream()
                .filter(scalar -> !ScalarInfo.isGraphqlSpecifiedScalar(scalar.getName()))
                .forEach(definitions::add);
        List<Map<String, ? extends List<? extends TypeDefinition>>> extensions = List.of(
                registry.objectTypeExtensions(), registry.interfaceTypeExtensions(), registry.unionTypeExtensions(),
                registry.enumTypeExtensions(), registry.scalarTypeExtensions(), registry.inputObjectTypeExtensions());
        extensions.forEach(byName -> byName.values().forEach(definitions::addAll));
        List<String> missing = new ArrayList<>();
        for (TypeDefinition type : definitions) {
            String name = type.getName();
            if (!(type instanceof SDLExtensionDefinition)) {
                requireDescription(missing, name, (DescribedNode<?>) type);
            }
            if (type instanceof ImplementingTypeDefinition<?> fields) {
                for (FieldDefinition field : fields.getFieldDefinitions()) {
                    requireDescription(missing, name + "." + field.getName(), field);
                    for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                        requireDescription(missing, name + "." + field.getName() + "(" + argument.getName() + ")", argument);
                    }
                }
            }
            if (type instanceof InputObjectTypeDefinition input) {
                for (InputValueDefinition field : input.getInputValueDefinitions()) {
                    requireDescription(missing, name + "." + field.getName(), field);
                }
            }
            if (type instanceof EnumTypeDefinition enumType) {
                for (EnumValueDefinition value : enumType.getEnumValueDefinitions()) {
                    requireDescription(missing, name + "." + value.getName(), value);
                }
            }
        }
        for (DirectiveDefinition directive : registry.getDirectiveDefinitions().values()) {
            if (DirectiveInfo.isGraphqlSpecifiedDirective(directive.getName())) {
                continue;
            }
            requireDescription(missing, "@" + directive.getName(), directive);
            for (InputValueDefinition argument : directive.getInputValueDefinitions()) {
                requireDescription(missing, "@" + directive.getName() + "(" + argument.getName() + ")", argument);
            }
        }
        return missing.stream().sorted().toList();
    }

    private static void requireDescription(List<String> missing, String coordinate, DescribedNode<?> node) {
        if (node.getDescription() == null || node.getDescription().getContent().isBlank()) {
            missing.add(coordinate);
        }
    }
}
