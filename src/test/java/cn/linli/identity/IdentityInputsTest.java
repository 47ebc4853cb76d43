package cn.linli.identity;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** WeChat codes are checked before WeChat is called: short printable tokens only. */
class IdentityInputsTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @ParameterizedTest(name = "''{0}'' valid: {1}")
    @CsvSource({"'081abcDEF-_.', true", "'', false", "'   ', false", "'含中文', false", "'a b', false"})
    void codesAreShortPrintableTokens(String code, boolean valid) {
        assertThat(VALIDATOR.validate(new Inputs.LoginWithWeChatInput(code)).isEmpty()).isEqualTo(valid);
        assertThat(VALIDATOR.validate(new Inputs.BindPhoneNumberInput(code)))
                .allSatisfy(v -> assertThat(v.getMessage()).isEqualTo("微信授权码无效"))
                .hasSize(valid ? 0 : 1);
        assertThat(VALIDATOR.validate(new Inputs.LoginWithWeChatInput("x".repeat(129)))).hasSize(1);
    }
}
