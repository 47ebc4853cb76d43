package cn.linli.community;

import cn.linli.platform.security.PhoneMask;
import org.jspecify.annotations.Nullable;

/** A resident as a member of one household. The phone number never leaves this record unmasked. */
public record Resident(long id, long householdId, @Nullable String nickname, @Nullable String phone, boolean isHead) {

    public @Nullable String phoneMasked() {
        return PhoneMask.mask(phone);
    }
}
