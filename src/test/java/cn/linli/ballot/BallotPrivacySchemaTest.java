package cn.linli.ballot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No query can reach another household's vote, by construction: in the whole schema (every query and subscription of
 * every feature, whatever the viewer's role) a household's vote ({@code HouseholdBallotVote}) is reachable only as
 * {@code MyHouseholdBallot.vote}, and that only through {@code Ballot.myHouseholds} (the viewer's own households) —
 * plus the answer to the voter's own {@code castBallotVote}. Results types carry counts, never a household.
 */
class BallotPrivacySchemaTest {

    @Test
    void aHouseholdsVoteIsReachableOnlyThroughTheViewersOwnHouseholds() throws IOException {
        GraphQLSchema schema = schema();
        assertThat(fieldsReturning(schema, "HouseholdBallotVote"))
                .containsExactlyInAnyOrder("MyHouseholdBallot.vote", "Mutation.castBallotVote");
        assertThat(fieldsReturning(schema, "MyHouseholdBallot")).containsExactly("Ballot.myHouseholds");
        for (String results : List.of("BallotResults", "BallotOptionResult", "EstateTurnout")) {
            GraphQLObjectType type = schema.getObjectType(results);
            assertThat(type.getFieldDefinitions()).extracting(GraphQLFieldDefinition::getName)
                    .noneMatch(name -> name.toLowerCase().contains("household") && !name.endsWith("Households"));
        }
        // who cast a vote (kept for disputes) has no field anywhere
        assertThat(schema.getAllTypesAsList()).filteredOn(t -> t instanceof GraphQLObjectType)
                .flatExtracting(t -> ((GraphQLObjectType) t).getFieldDefinitions())
                .extracting(GraphQLFieldDefinition::getName).doesNotContain("castBy", "castById", "voterId");
    }

    private static List<String> fieldsReturning(GraphQLSchema schema, String typeName) {
        List<String> found = new ArrayList<>();
        for (GraphQLType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    if (GraphQLTypeUtil.simplePrint(GraphQLTypeUtil.unwrapAll(field.getType())).equals(typeName)) {
                        found.add(object.getName() + "." + field.getName());
                    }
                }
            }
        }
        return found;
    }

    private static GraphQLSchema schema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }
}
