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
    DOCUMENT_NOT_ALLOWED("不支持的请求，请升级小程序"),
    WECHAT_LOGIN_FAILED("微信登录失败，请重新进入小程序后再试"),
    WECHAT_PHONE_FAILED("获取微信手机号失败，请重试"),
    WECHAT_UNAVAILABLE("微信服务暂时不可用，请稍后再试"),
    IDEMPOTENCY_KEY_REUSED("同一个请求编号已用于另一项不同的操作"),
    ALREADY_PARTNER_MEMBER("该账号已是其他合伙人的成员"),
    PARTNER_NOT_ELIGIBLE("该合伙人目前不能接这个订单"),
    PARTNER_AT_CAPACITY("该合伙人手头订单已满"),
    ORDER_INVALID_TRANSITION("订单当前状态不允许此操作"),
    ORDER_ALREADY_TAKEN("手慢了，订单已被其他合伙人接走"),
    ORDER_ACCEPT_EXPIRED("接单时限已过，订单已转派"),
    INSUFFICIENT_POINTS("积分余额不足"),
    OUT_OF_STOCK("库存不足，已兑完"),
    VOUCHER_ALREADY_USED("该券已核销过"),
    VOUCHER_NOT_USABLE("该券已过期或已取消"),
    ACTIVITY_FULL("活动名额已满"),
    ALREADY_SIGNED_UP("已经报名过了"),
    ATTENDANCE_ALREADY_RECORDED("该志愿者的出勤已记录"),
    CAMPAIGN_NOT_OPEN("众筹未开放或已截止"),
    PLEDGE_EXCEEDS_NEED("认捐数量超过了剩余需求"),
    FOUR_EYES_REQUIRED("大额支出须由另一位社区工作者审批"),
    EXPENSE_ALREADY_APPROVED("该支出已审批"),
    TOO_MANY_PHOTOS("上传的图片太多，请先使用已上传的图片，或稍后再试"),
    INTERNAL("系统繁忙，请稍后再试"),
    PARTNER_APPLICATION_PENDING("你已有一份待审核的合伙人申请"),
    PARTNER_APPLICATION_DECIDED("该申请已处理，不能再次操作"),
    PARTNER_INVITATION_ANSWERED("该邀请已处理"),
    LAST_PARTNER_ADMIN("你是唯一的管理员，请先邀请其他管理员或移除其他成员"),
    IMPORT_FILE_INVALID("文件无法导入，请检查后重新上传"),
    IMPORT_HAS_INVALID_ROWS("导入文件中有无法导入的行，请修改后重新上传"),
    PLACE_NAME_TAKEN("同一上级下已有同名的地点"),
    PLACE_RETIRED("该地点已停用"),
    PLACE_HAS_ACTIVE_CHILDREN("请先停用其下仍在使用的地点"),
    STAFF_ELSEWHERE("该账号已在其他社区或街道任职"),
    TOO_MANY_SUBSCRIPTIONS("同时订阅的实时更新太多，请先关闭不用的页面再试"),
    VERIFICATION_ALREADY_PENDING("你已提交过该房屋的认证申请，请等待审核"),
    VERIFICATION_INVALID_TRANSITION("该认证申请当前状态不允许此操作"),
    ALREADY_HOUSEHOLD_MEMBER("已是该房屋的成员"),
    HOUSEHOLD_HAS_HEAD("该户已有户主，请户主先移交户主身份"),
    HEAD_MUST_HAND_OVER("户主须先把户主身份移交给其他成员"),
    TOO_MANY_REQUESTS("操作太频繁，请稍后再试"),
    NEED_INVALID_TRANSITION("该需求当前状态不允许此操作"),
    BALLOT_NOT_OPEN("投票尚未开始"),
    BALLOT_CLOSED("投票已结束"),
    NOT_ELIGIBLE_TO_VOTE("只有已认证房屋的成员才能投票"),
    VERIFIED_AFTER_BALLOT_OPENED("投票开始后才认证的成员不能参加本次投票"),
    BALLOT_OTHER_COMMUNITY("这是其他社区的投票"),
    INVALID_BALLOT_CHOICE("所选选项不符合本次投票的规则"),
    BALLOT_INVALID_TRANSITION("该投票当前状态不允许此操作"),
    CONSOLE_STAFF_ONLY("只有社区工作人员可以登录社区工作台"),
    CONSOLE_TICKET_EXPIRED("二维码已过期，请在工作台刷新二维码后重新扫码"),
    CONSOLE_TICKET_USED("该二维码已使用，请在工作台刷新二维码后重新扫码"),
    PRIVACY_CONSENT_REQUIRED("请先阅读并同意最新的隐私保护指引"),
    PRIVACY_POLICY_OUTDATED("隐私保护指引已更新，请阅读最新版本后再同意"),
    ACCOUNT_DELETION_BLOCKED("暂时不能注销账号，请先处理未完成的事项"),
    ACCOUNT_DELETION_INVALID_TRANSITION("该注销申请当前状态不允许此操作"),
    PROJECT_INVALID_TRANSITION("该项目当前状态不允许此操作"),
    PROJECT_MILESTONES_OPEN("项目还有未完成的里程碑，不能提交验收"),
    NOT_SUPERVISION_MEMBER("只有本社区监督委员会成员才能验收项目"),
    STAFF_CANNOT_SIGN_OFF("社区工作人员不能验收项目，须由监督委员会成员验收"),
    ALREADY_SIGNED_OFF("你已验收过该项目"),
    SUPERVISION_MEMBER_INELIGIBLE("只能任命本社区已认证的居民（非社区工作人员）为监督委员会成员"),
    RESOURCE_INVALID_TRANSITION("该资源当前状态不允许此操作");

    private final String defaultMessage;

    ErrorCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
