package cn.linli.console;

import java.time.Duration;
import java.util.Base64;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.wechat.WeChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The mini-program code (小程序码) of a ticket, through WxJava's wxacode API ({@code getwxacodeunlimit}): unlimited
 * codes carry a scene of up to 32 characters, here the ticket id, and open the confirm page. WxJava blocks, so the
 * call runs on the bounded-elastic pool with the WeChat timeout.
 */
@Component
class ConsoleCodes {

    static final String CONFIRM_PAGE = "pages/staff/console-login";
    private static final Logger log = LoggerFactory.getLogger(ConsoleCodes.class);
    private static final int WIDTH = 280;

    private final WxMaService weChat;
    private final Duration timeout;

    ConsoleCodes(WxMaService weChat, WeChatProperties properties) {
        this.weChat = weChat;
        this.timeout = properties.timeout();
    }

    /** A {@code data:image/png;base64,…} URL the console shows as it is (no second request, nothing to cache). */
    Mono<String> codeImage(String scene) {
        // checkPath false: the code must work before the confirm page is published (trial and development builds)
        return Mono.fromCallable(() -> weChat.getQrcodeService()
                        .createWxaCodeUnlimitBytes(scene, CONFIRM_PAGE, false, "release", WIDTH, false, null, false))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .map(png -> "data:image/png;base64," + Base64.getEncoder().encodeToString(png))
                .onErrorMap(ex -> !(ex instanceof LinliException), ConsoleCodes::unavailable);
    }

    private static LinliException unavailable(Throwable ex) {
        log.warn("WeChat getwxacodeunlimit failed: {}", ex.toString());
        return new LinliException(ErrorCode.WECHAT_UNAVAILABLE, ErrorCode.WECHAT_UNAVAILABLE.defaultMessage(),
                java.util.Map.of(), ex);
    }
}
