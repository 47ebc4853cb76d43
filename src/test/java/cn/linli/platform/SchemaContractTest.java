package cn.linli.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import cn.linli.platform.error.ErrorCode;
import cn.linli.support.ApiDocuments;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema in {@code schema/} is the contract: the api/ documents must fit it, and the error codes match the code. */
class SchemaContractTest {

    private static GraphQLSchema schema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
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
}
