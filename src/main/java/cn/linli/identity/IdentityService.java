package cn.linli.identity;

import java.time.Duration;

import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Role;
import cn.linli.wechat.WeChatMiniApp;
import cn.linli.wechat.WeChatSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** WeChat login, sessions (access + rotating refresh tokens) and the logged-in account's own profile. */
@Service
public class IdentityService {

    private static final Logger log = LoggerFactory.getLogger(IdentityService.class);

    private static final Duration SESSION_KEY_TTL = Duration.ofDays(3);

    private final WeChatMiniApp weChat;
    private final AccountRepository accounts;
    private final AuthSessions sessions;
    private final AccessTokens accessTokens;
    private final ReactiveStringRedisTemplate redis;
    private final PhotoService photos;
    private final IdentityProperties properties;

    IdentityService(WeChatMiniApp weChat, AccountRepository accounts, AuthSessions sessions,
                    AccessTokens accessTokens, ReactiveStringRedisTemplate redis,
                    PhotoService photos, IdentityProperties properties) {
        this.photos = photos;
        this.properties = properties;
        this.weChat = weChat;
        this.accounts = accounts;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.redis = redis;
    }

    /** {@code code} is already checked by the input's constraint, so a malformed one never reaches WeChat. */
    Mono<Session> loginWithWeChat(String code) {
        return weChat.exchangeLoginCode(code).flatMap(wx -> accounts.upsertByOpenid(wx.openid(), wx.unionid())
                .flatMap(accountId -> keepSessionKey(accountId, wx).thenReturn(accountId)))
                .flatMap(accountId -> bootstrapAdmin(accountId).thenReturn(accountId))
                .flatMap(this::account)
                .flatMap(account -> sessions.open(account.id())
                        .map(opened -> session(account, opened)));
    }

    /**
     * Opens a session for an account that proved itself another way (the staff console's scan login: a staff member
     * confirmed it in the mini-program), issued exactly as {@link #loginWithWeChat} issues one. Joins the caller's
     * transaction, so a claim that rolls back leaves no session behind.
     */
    public Mono<Session> openSession(long accountId) {
        return account(accountId).flatMap(account -> sessions.open(account.id()).map(opened -> session(account, opened)));
    }

    /** The configured first administrators get their role here, before their token is signed. */
    private Mono<Void> bootstrapAdmin(long accountId) {
        return properties.bootstrapAdmins().contains(accountId) ? accounts.grantRole(accountId, Role.ADMIN) : Mono.empty();
    }

    Mono<Session> refreshSession(String refreshToken) {
        return sessions.rotate(refreshToken).flatMap(rotation -> {
            if (rotation instanceof AuthSessions.Rotation.Rotated rotated) {
                return account(rotated.accountId()).map(account -> session(account, rotated));
            }
            if (rotation instanceof AuthSessions.Rotation.Reused reused) {
                log.warn("Refresh token reused; session {} ended", reused.sessionId());
                return Mono.error(this::sessionEnded);
            }
            return Mono.error(this::sessionEnded);
        });
    }

    /** Ends the refresh token's session and makes its access tokens invalid at once. Idempotent. */
    Mono<Boolean> logout(String refreshToken) {
        return sessions.end(refreshToken).thenReturn(true);
    }

    /** No transaction: one update after the WeChat call, so no row is locked while WeChat answers. */
    Mono<Account> bindPhoneNumber(Viewer viewer, String code) {
        return weChat.phoneNumber(code)
                .flatMap(phone -> accounts.updatePhone(viewer.accountId(), phone))
                .then(account(viewer.accountId()));
    }

    /**
     * Nickname (already stripped and checked by the input's constraints) and avatar, in one transaction. The avatar is
     * the caller's own upload (from {@code <button open-type="chooseAvatar">}), attached with the change.
     */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Account> updateMyProfile(Viewer viewer, @Nullable String nickname, @Nullable String avatarPhotoId) {
        if (nickname == null && avatarPhotoId == null) {
            return Mono.error(LinliException.invalid("input", "请至少修改一项"));
        }
        Long avatar = Ids.parseOptional(avatarPhotoId, "input.avatarPhotoId");
        return photos.attach(viewer.accountId(), avatar, "input.avatarPhotoId")
                .then(accounts.updateProfile(viewer.accountId(), nickname, avatar))
                .then(account(viewer.accountId()));
    }

    /** Gives an existing account a role (e.g. PARTNER when it joins a partner); NOT_FOUND for an unknown account. */
    @Transactional
    public Mono<Void> grantRole(long accountId, Role role) {
        return accounts.findById(accountId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("账号")))
                .then(accounts.grantRole(accountId, role));
    }

    /**
     * Takes a role away (e.g. STAFF when the last appointment is revoked); joins the caller's transaction. The access
     * tokens already issued still carry the role until they expire, so features check rights that matter against
     * their own tables per request (community staff do).
     */
    @Transactional
    public Mono<Void> revokeRole(long accountId, Role role) {
        return accounts.revokeRole(accountId, role);
    }

    /** The WeChat openid of an account (for WeChat Pay's payer), never shown to clients. */
    public Mono<String> openidOf(long accountId) {
        return account(accountId).map(Account::openid);
    }

    /** Accounts by id, for features that show people (batched). */
    public Mono<java.util.Map<Long, Account>> accountsByIds(java.util.Collection<Long> ids) {
        return accounts.findByIds(ids).collectMap(Account::id);
    }

    Mono<Account> account(long id) {
        // an account that disappeared under a valid token is treated as logged out
        return accounts.findById(id).switchIfEmpty(Mono.error(LinliException::unauthenticated));
    }

    private Session session(Account account, AuthSessions.Rotation.Rotated opened) {
        return new Session(accessTokens.issue(account, opened.sessionId()), accessTokens.lifetimeSeconds(),
                opened.refreshToken(), account);
    }

    /** Kept (never returned) for decrypting data the mini-program may send later, e.g. wx.getUserInfo payloads. */
    private Mono<Boolean> keepSessionKey(long accountId, WeChatSession wx) {
        return redis.opsForValue().set("linli:wechat-session-key:" + accountId, wx.sessionKey(), SESSION_KEY_TTL);
    }

    private LinliException sessionEnded() {
        return new LinliException(cn.linli.platform.error.ErrorCode.UNAUTHENTICATED, "登录已过期，请重新登录");
    }
}
