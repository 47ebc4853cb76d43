package cn.linli.platform.security;

/** What an account may do. Carried in the access token and re-checked per object by each feature's service. */
public enum Role {
    /** 居民: orders services, pledges, earns and spends points for their households. */
    RESIDENT,
    /** 社区工作者: runs one community (dispatch, onboarding, festivals). */
    STAFF,
    /** 红色合伙人成员: serves orders dispatched to their partner. */
    PARTNER,
    /** Platform administrator. */
    ADMIN
}
