package cn.linli.platform.validation;

import java.lang.reflect.Method;
import java.util.Set;

import cn.linli.platform.error.GraphQlErrorsProbe;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input records validate as Spring for GraphQL validates {@code @Argument @Valid} parameters (method validation): the
 * violation names the input path the client sent, and the message is the Chinese one on the constraint.
 */
class InputValidationTest {

    record NoteInput(@NotBlank(message = "请填写内容") @Size(max = 5, message = "内容不能超过 5 个字") @PlainText String text,
                     @Nullable @Size(max = 3, message = "备注不能超过 3 个字") String remark,
                     java.util.List<@PlainText(message = "标签包含无效字符") String> tags) {
        NoteInput(String text, @Nullable String remark) {
            this(text, remark, java.util.List.of());
        }

        NoteInput {
            text = Texts.strip(text);
            remark = Texts.blankToNull(remark);
        }
    }

    static class Controller {
        public void addNote(@Valid NoteInput input) {
        }
    }

    private static final jakarta.validation.ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private static final Validator validator = factory.getValidator();

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aValidInputHasNoViolationAndIsNormalised() {
        NoteInput input = new NoteInput("  你好  ", "   ");
        assertThat(violations(input)).isEmpty();
        assertThat(input.text()).isEqualTo("你好");
        assertThat(input.remark()).isNull();
    }

    @Test
    void blankTextIsMissingAndNamedByItsInputPath() {
        var violations = violations(new NoteInput("   ", null));
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(GraphQlErrorsProbe.field(violation)).isEqualTo("input.text");
            assertThat(violation.getMessage()).isEqualTo("请填写内容");
        });
    }

    @Test
    void tooLongAndControlCharactersAreRefusedButNewlinesAreText() {
        assertThat(violations(new NoteInput("一二三四五六", null))).extracting(ConstraintViolation::getMessage)
                .containsExactly("内容不能超过 5 个字");
        assertThat(violations(new NoteInput("a\u0007b", null))).extracting(ConstraintViolation::getMessage)
                .containsExactly("包含无效字符");
        assertThat(violations(new NoteInput("a\nb", null))).isEmpty();
        assertThat(violations(new NoteInput("好", "一二三四"))).extracting(GraphQlErrorsProbe::field)
                .containsExactly("input.remark");
    }

    @Test
    void textOfOnlyInvisibleCharactersIsBlankAndDirectionOverridesAreRefused() {
        // zero-width space, zero-width joiner, BOM, word joiner, left-to-right mark: nothing a reader can see
        assertThat(violations(new NoteInput("\u200B\u200D\uFEFF\u2060\u200E", "\u200B\u200B")))
                .extracting(ConstraintViolation::getMessage).containsExactly("请填写内容");
        assertThat(new NoteInput("\u200B好\u200B", "\u200B").remark()).isNull();
        assertThat(new NoteInput("\u200B好\u200B", null).text()).isEqualTo("好");
        // right-to-left override and an isolate: text displayed in another order than stored
        assertThat(violations(new NoteInput("a\u202Eb", null))).extracting(ConstraintViolation::getMessage)
                .containsExactly("包含无效字符");
        assertThat(violations(new NoteInput("a\u2067b", null))).extracting(ConstraintViolation::getMessage)
                .containsExactly("包含无效字符");
        // a joiner inside an emoji (family) is part of the text
        assertThat(violations(new NoteInput("\uD83D\uDC68\u200D\uD83D\uDC67", null))).isEmpty();
    }

    @Test
    void aBadListElementIsNamedByItsIndexWithoutContainerNodeNames() {
        var violations = violations(new NoteInput("好", null, java.util.List.of("ok", "a\u0007")));
        assertThat(violations).extracting(GraphQlErrorsProbe::field).containsExactly("input.tags[1]");
        assertThat(violations).extracting(ConstraintViolation::getMessage).containsExactly("标签包含无效字符");
    }

    private static Set<ConstraintViolation<Controller>> violations(NoteInput input) {
        try {
            Method method = Controller.class.getMethod("addNote", NoteInput.class);
            return validator.forExecutables().validateParameters(new Controller(), method, new Object[] {input});
        } catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
