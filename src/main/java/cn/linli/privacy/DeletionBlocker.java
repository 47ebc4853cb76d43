package cn.linli.privacy;

/** What must be settled before an account can be deleted (the {@code reasons} of ACCOUNT_DELETION_BLOCKED). */
enum DeletionBlocker {
    OPEN_ORDERS("你还有进行中的服务订单，请等订单完成或取消后再注销"),
    UNSETTLED_PLEDGES("你还有未结清的节庆认捐（待支付、退款中、待交付或已报名），请处理后再注销"),
    POINTS("你的时间银行还有积分，可先捐赠到社区积分池后再注销"),
    HEAD_OF_HOUSEHOLD("你是户主且该户还有其他成员，请先把户主身份移交给其他成员");

    private final String message;

    DeletionBlocker(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }
}
