package cn.linli.identity;

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

    record UpdateMyProfileInput(@Nullable String nickname, @Nullable String avatarPhotoId) {
    }

    record LogoutPayload(boolean success) {
    }

    private Inputs() {
    }
}
