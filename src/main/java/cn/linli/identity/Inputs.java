package cn.linli.identity;

import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Input records of the identity mutations (GraphQL {@code XInput} types). */
final class Inputs {

    record LoginWithWeChatInput(String code) {
    }

    record RefreshSessionInput(String refreshToken) {
    }

    record LogoutInput(String refreshToken) {
    }

    record BindPhoneNumberInput(String code) {
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
