package cn.linli.partner;

import org.jspecify.annotations.Nullable;

/** An account serving for a partner; {@code id} is the account id. */
public record PartnerMember(long id, long partnerId, @Nullable String nickname, MemberRole role) {

    public boolean isAdmin() {
        return role == MemberRole.ADMIN;
    }
}
