package cn.linli.need;

/** The steps of a need's life (schema {@code NeedAction}), with the names its timeline shows. */
public enum NeedAction {
    SUBMIT("提交需求"),
    COLLECT("入户收集"),
    SUPPORT("附议"),
    TRIAGE("分流"),
    MERGE("合并到其他需求"),
    ABSORB("合并了重复需求"),
    ORDER("转为服务工单"),
    ORDER_CONFIRMED("服务已完成"),
    ORDER_CANCELLED("服务工单已取消"),
    PUT_ON_AGENDA("列入联席会议议程"),
    MEETING_RESOLVED("联席会议已解决"),
    MEETING_ESCALATED("联席会议上报街道"),
    MEETING_REOPENED("联席会议退回处理"),
    ESCALATE("逾期上报街道"),
    RESOLVE("标记已解决"),
    ADD_TO_PROJECT("纳入项目"),
    PROJECT_COMPLETED("项目已完成"),
    PROJECT_CANCELLED("项目已取消");

    private final String displayName;

    NeedAction(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
