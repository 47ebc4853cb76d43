package cn.linli.wechat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import me.chanjar.weixin.common.error.WxErrorException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@link WeChatMessages} through WxJava (access token shared through Redis), off the event loop, with a timeout. */
@Component
class WxJavaMessages implements WeChatMessages {

    private static final int NO_CONSENT = 43101;

    private final WxMaService wxMaService;
    private final WeChatProperties properties;
    private final WeChatCalls calls;

    WxJavaMessages(WxMaService wxMaService, WeChatProperties properties, WeChatCalls calls) {
        this.wxMaService = wxMaService;
        this.properties = properties;
        this.calls = calls;
    }

    @Override
    public Mono<Outcome> sendSubscribeMessage(String openid, String templateId, String page, Map<String, String> data) {
        return Mono.fromCallable(() -> {
                    List<WxMaSubscribeMessage.MsgData> fields = new ArrayList<>();
                    data.forEach((name, value) -> fields.add(new WxMaSubscribeMessage.MsgData(name, value)));
                    WxMaSubscribeMessage message = WxMaSubscribeMessage.builder()
                            .toUser(openid).templateId(templateId).page(page).data(fields).build();
                    try {
                        wxMaService.getMsgService().sendSubscribeMsg(message);
                        return Outcome.SENT;
                    } catch (WxErrorException ex) {
                        if (ex.getError() != null && ex.getError().getErrorCode() == NO_CONSENT) {
                            return Outcome.NO_CONSENT;
                        }
                        throw ex;
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.timeout())
                .onErrorMap(ex -> !(ex instanceof LinliException),
                        ex -> new LinliException(ErrorCode.WECHAT_UNAVAILABLE, ErrorCode.WECHAT_UNAVAILABLE.defaultMessage(),
                                Map.of(), ex))
                .doOnSuccess(outcome -> calls.count(WeChatCalls.SUBSCRIBE_MESSAGE,
                        outcome == Outcome.SENT ? WeChatCalls.SUCCESS : WeChatCalls.REJECTED))
                .doOnError(ex -> calls.count(WeChatCalls.SUBSCRIBE_MESSAGE, WeChatCalls.outcomeOf(ex)));
    }
}
