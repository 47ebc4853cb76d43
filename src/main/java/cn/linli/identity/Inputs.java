package cn.linli.identity;

import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Input records of the identity mutations (GraphQL {@code XInput} types). */
final class Inputs {

    /** Codes from wx.login and getPhoneNumber are short printable tokens; anything else is not worth sending on. */
    static final String WECHAT_CODE = "[\\x21-\\x7E]{1,128}";

    record LoginWithWeChatInput(@Pattern(regexp = WECHAT_CODE, message = "微信授权码无效") String code) {
    }

    record RefreshSessionInput(String refreshToken) {
    }

    record LogoutInput(String refreshToken) {
    }

    record BindPhoneNumberInput(@Pattern(regexp = WECHAT_CODE, message = "微信授权码无效") String code) {
    }

    record UpdateMyProfileInput(
            @Nullable @Size(min = 1, max = 32, message = "昵称须为 1 到 32 个字符")
            @PlainText(message = "昵称须为 1 到 32 个字符") String nickname,
            @Nullable String avatarPhotoId) {

        UpdateMyProfileInput {
            nickname = Texts.strip(nickname);
        }
    }

    record LogoutPayload(boolean success) {
    }

    private Inputs() {
    }
}
