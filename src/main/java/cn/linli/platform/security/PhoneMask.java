package cn.linli.platform.security;

import org.jspecify.annotations.Nullable;

/** Phone numbers are shown as 138****1234 except where a rule needs the whole number. */
public final class PhoneMask {

    public static @Nullable String mask(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private PhoneMask() {
    }
}
