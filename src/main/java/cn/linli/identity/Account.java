package cn.linli.identity;

import java.time.Instant;
import java.util.Set;

import cn.linli.platform.security.PhoneMask;
import cn.linli.platform.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * An account row. The openid, unionid and full phone number are never exposed through GraphQL; the avatar is shown
 * as a signed photo link.
 */
public record Account(long id, String openid, @Nullable String unionid, @Nullable String nickname,
                      @Nullable Long avatarPhotoId, @Nullable String phone, Set<Role> roles, Instant createdAt) {

    public @Nullable String phoneMasked() {
        return PhoneMask.mask(phone);
    }
}
