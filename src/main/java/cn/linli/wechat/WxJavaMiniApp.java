package cn.linli.wechat;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@link WeChatMiniApp} through WxJava. WxJava blocks, so every call runs on the bounded-elastic pool with a timeout. */
@Component
class WxJavaMiniApp implements WeChatMiniApp {

    private static final Logger log = LoggerFactory.getLogger(WxJavaMiniApp.class);

    /** WeChat's answers that mean "this code is no good" (invalid, used, expired, risky), not "WeChat is down". */
    private static final Set<Integer> REJECTED_CODE = Set.of(40029, 40163, 40226, 41008, 40013, 40125, 45011);

    private final WxMaService wxMaService;
    private final WeChatProperties properties;
    private final WeChatCalls calls;

    WxJavaMiniApp(WxMaService wxMaService, WeChatProperties properties, WeChatCalls calls) {
        this.wxMaService = wxMaService;
        this.properties = properties;
        this.calls = calls;
    }

    @Override
    public Mono<WeChatSession> exchangeLoginCode(String code) {
        return call("jscode2session", WeChatCalls.LOGIN, ErrorCode.WECHAT_LOGIN_FAILED, () -> {
            WxMaJscode2SessionResult result = wxMaService.getUserService().getSessionInfo(code);
            if (result.getOpenid() == null || result.getOpenid().isBlank()) {
                throw new WxErrorException("jscode2session returned no openid");
            }
            return new WeChatSession(result.getOpenid(), result.getUnionid(), result.getSessionKey());
        });
    }

    @Override
    public Mono<String> phoneNumber(String code) {
        return call("getuserphonenumber", WeChatCalls.PHONE, ErrorCode.WECHAT_PHONE_FAILED, () -> {
            WxMaPhoneNumberInfo info = wxMaService.getUserService().getPhoneNumber(code);
            if (info.getWatermark() != null && !properties.appid().equals(info.getWatermark().getAppid())) {
                throw new WxErrorException("phone number issued for another appid");
            }
            String phone = info.getPurePhoneNumber();
            if (phone == null || phone.isBlank()) {
                throw new WxErrorException("getuserphonenumber returned no number");
            }
            return phone;
        });
    }

    private <T> Mono<T> call(String api, String metric, ErrorCode rejected, Callable<T> call) {
        return calls.counted(metric, Mono.fromCallable(call)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.timeout())
                .onErrorMap(ex -> !(ex instanceof LinliException), ex -> translate(api, rejected, ex)));
    }

    private static LinliException translate(String api, ErrorCode rejected, Throwable ex) {
        if (ex instanceof WxErrorException wx && wx.getError() != null
                && REJECTED_CODE.contains(wx.getError().getErrorCode())) {
            log.info("WeChat {} refused: {}", api, wx.getError().getErrorCode());
            return new LinliException(rejected, rejected.defaultMessage(),
                    java.util.Map.of("wechatErrcode", wx.getError().getErrorCode()), ex);
        }
        if (ex instanceof TimeoutException) {
            log.warn("WeChat {} timed out", api);
        } else {
            log.warn("WeChat {} failed: {}", api, ex.toString());
        }
        return new LinliException(ErrorCode.WECHAT_UNAVAILABLE, ErrorCode.WECHAT_UNAVAILABLE.defaultMessage(),
                java.util.Map.of(), ex);
    }
}
