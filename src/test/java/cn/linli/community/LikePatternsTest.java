package cn.linli.community;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Search text becomes a literal "contains" pattern, without Spring. */
class LikePatternsTest {

    @Test
    void plainTextIsTrimmedAndWrapped() {
        assertThat(LikePatterns.contains("  锦城 ", "search")).isEqualTo("%锦城%");
    }

    @Test
    void wildcardsAndTheEscapeCharacterAreTakenLiterally() {
        assertThat(LikePatterns.contains("100%", "search")).isEqualTo("%100\\%%");
        assertThat(LikePatterns.contains("a_b", "search")).isEqualTo("%a\\_b%");
        assertThat(LikePatterns.contains("a\\b", "search")).isEqualTo("%a\\\\b%");
    }

    @Test
    void blankMeansNoSearch() {
        assertThat(LikePatterns.contains(null, "search")).isNull();
        assertThat(LikePatterns.contains("   ", "search")).isNull();
    }

    @Test
    void overlongTextIsAValidationErrorOnTheField() {
        LinliException error = catchThrowableOfType(LinliException.class,
                () -> LikePatterns.contains("社".repeat(101), "search"));
        assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(error.extensions()).containsEntry("field", "search");
        assertThat(LikePatterns.contains("社".repeat(100), "search")).hasSize(102);
    }
}
