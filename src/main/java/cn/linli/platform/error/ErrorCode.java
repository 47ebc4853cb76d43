package cn.linli.platform.error;

/**
 * The stable error codes clients switch on ({@code errors[].extensions.code}), each with its default Chinese
 * message. Mirrored by the {@code ErrorCode} enum in {@code schema/platform.graphqls}; a test keeps the two equal.
 */
public enum ErrorCode {
    UNAUTHENTICATED("请先登录"),
    FORBIDDEN("没有权限执行此操作"),
    VALIDATION_FAILED("输入有误，请检查后重试"),
    NOT_FOUND("内容不存在或已被删除"),
    QUERY_TOO_DEEP("查询嵌套层级过深"),
    QUERY_TOO_COMPLEX("查询过于复杂，请分页或减少字段"),
    PAYLOAD_TOO_LARGE("请求内容过大"),
    WECHAT_LOGIN_FAILED("微信登录失败，请重新进入小程序后再试"),
    WECHAT_PHONE_FAILED("获取微信手机号失败，请重试"),
    WECHAT_UNAVAILABLE("微信服务暂时不可用，请稍后再试"),
    INTERNAL("系统繁忙，请稍后再试");

    private final String defaultMessage;

    ErrorCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
