package cn.linli.platform.error;

import java.util.List;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLFieldDefinition;
import graphql.Scalars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** An unexpected failure tells the client only a correlation id, which the server log carries with the stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorTest {

    @Test
    void resolverFailureBecomesInternalWithACorrelationIdThatIsLogged(CapturedOutput output) {
        GraphQLError error = new GraphQlErrors().unexpected(
                new IllegalStateException("connection to 10.0.0.7 refused: password=hunter2"), environment());

        assertThat(error.getExtensions()).containsEntry("code", "INTERNAL");
        String correlationId = (String) error.getExtensions().get("correlationId");
        assertThat(correlationId).hasSize(8);
        assertThat(error.getMessage()).isEqualTo("系统繁忙，请稍后再试（错误编号 " + correlationId + "）");
        assertThat(error.getMessage()).doesNotContain("10.0.0.7", "hunter2", "Exception");
        assertThat(output.getOut()).contains("correlationId=" + correlationId).contains("IllegalStateException");
    }

    @Test
    void linliExceptionKeepsItsCodeMessageAndField() {
        GraphQLError error = new GraphQlErrors().linli(LinliException.invalid("input.nickname", "昵称须为 1 到 32 个字符"),
                environment());
        assertThat(error.getMessage()).isEqualTo("昵称须为 1 到 32 个字符");
        assertThat(error.getExtensions()).containsEntry("code", "VALIDATION_FAILED").containsEntry("field", "input.nickname");
    }

    @Test
    void requestLevelErrorWithoutCodeIsShapedAsInternal() {
        GraphQLError raw = GraphqlErrorBuilder.newError().message("something odd inside graphql-java").build();
        GraphQLError shaped = RequestErrorInterceptor.shape(raw);
        assertThat(shaped.getExtensions()).containsEntry("code", "INTERNAL").containsKey("correlationId");
        assertThat(shaped.getMessage()).doesNotContain("graphql-java");
    }

    private static DataFetchingEnvironment environment() {
        GraphQLFieldDefinition definition = GraphQLFieldDefinition.newFieldDefinition().name("me").type(Scalars.GraphQLString).build();
        ExecutionStepInfo step = ExecutionStepInfo.newExecutionStepInfo()
                .type(Scalars.GraphQLString)
                .fieldDefinition(definition)
                .path(ResultPath.rootPath().segment("me"))
                .build();
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .executionStepInfo(step)
                .mergedField(graphql.execution.MergedField.newMergedField(List.of(new Field("me"))).build())
                .build();
    }
}
