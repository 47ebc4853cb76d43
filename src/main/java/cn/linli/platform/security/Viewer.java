package cn.linli.platform.security;

import java.util.Set;

/** Who is asking: the account behind the request's access token. */
public record Viewer(long accountId, Set<Role> roles, String sessionId) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
