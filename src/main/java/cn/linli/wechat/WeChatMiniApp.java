package cn.linli.wechat;

import reactor.core.publisher.Mono;

/**
 * The WeChat mini-program calls the features use. Failures arrive as {@code LinliException}s with
 * {@code WECHAT_LOGIN_FAILED}, {@code WECHAT_PHONE_FAILED} (WeChat refused the code) or {@code WECHAT_UNAVAILABLE}.
 */
public interface WeChatMiniApp {

    /** {@code jscode2session}: exchange the code from {@code wx.login} for the user's openid. */
    Mono<WeChatSession> exchangeLoginCode(String code);

    /** {@code getuserphonenumber}: the phone number behind the code from a {@code getPhoneNumber} button. */
    Mono<String> phoneNumber(String code);
}
