package cn.linli.privacy;

import java.util.List;

import cn.linli.community.Household;

/**
 * The one list of what Linli holds about a person: each kind of record, its Chinese title and columns, and the query
 * that finds the person's rows (bound {@code :a}, the account id; every cell as text). Export, the .xlsx download and
 * the export test all read this list, so a new kind of personal record is added here once.
 */
final class PersonalDataSections {

    record Definition(String key, String title, List<String> columns, String sql) {
    }

    /** Times as people in China read them. */
    private static String time(String column) {
        return "to_char(" + column + " at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS')";
    }

    static final List<Definition> ALL = List.of(
            new Definition("account", "账号", List.of("账号ID", "昵称", "手机号", "角色", "注册时间"),
                    "select a.id::text, a.nickname, a.phone,"
                            + " (select string_agg(role, ',' order by role) from account_role where account_id = a.id),"
                            + " " + time("a.created_at") + " from account a where a.id = :a"),
            new Definition("households", "房屋与成员身份", List.of("房屋ID", "社区", "地址", "关系", "是否户主", "加入时间"),
                    "select h.id::text, c.name, " + Household.LABEL_SQL + ","
                            + " coalesce(m.relation, case when m.is_head then 'HEAD' else 'FAMILY' end),"
                            + " case when m.is_head then '是' else '否' end, " + time("m.joined_at")
                            + " from household_member m join household h on h.id = m.household_id"
                            + " join unit u on u.id = h.unit_id join building b on b.id = u.building_id"
                            + " join estate e on e.id = b.estate_id join community c on c.id = h.community_id"
                            + " where m.account_id = :a order by m.joined_at"),
            new Definition("verificationRequests", "房屋认证申请",
                    List.of("申请ID", "房屋ID", "关系", "真实姓名", "有证明照片", "状态", "提交时间", "处理时间", "驳回原因"),
                    "select id::text, household_id::text, relation, real_name,"
                            + " case when proof_photo_id is null then '否' else '是' end, status, " + time("created_at")
                            + ", " + time("decided_at") + ", rejection_reason"
                            + " from verification_request where applicant_id = :a order by created_at, id"),
            new Definition("orders", "服务订单", List.of("订单ID", "房屋ID", "状态", "需求描述", "联系电话", "下单时间", "完成时间"),
                    "select id::text, household_id::text, status, description, contact_phone, " + time("created_at")
                            + ", " + time("completed_at") + " from service_order where resident_id = :a order by created_at, id"),
            new Definition("ratings", "我给出的评价", List.of("订单ID", "质量", "准时", "态度", "评语"),
                    "select id::text, rating_quality::text, rating_punctuality::text, rating_attitude::text, rating_comment"
                            + " from service_order where resident_id = :a and rating_quality is not null order by created_at, id"),
            new Definition("points", "时间银行积分明细", List.of("明细ID", "积分变动", "类型", "说明", "时间"),
                    "select e.id::text, e.amount::text, t.kind, t.description, " + time("e.created_at")
                            + " from timebank_entry e join timebank_account acc on acc.id = e.account_id"
                            + " join timebank_transaction t on t.id = e.transaction_id"
                            + " where acc.owner_account_id = :a order by e.created_at, e.id"),
            new Definition("pledges", "节庆认捐", List.of("认捐ID", "活动", "类型", "金额（分）", "数量", "署名", "留言", "状态", "时间"),
                    "select p.id::text, c.theme, p.kind, p.amount_fen::text, p.quantity::text, p.contributor_name,"
                            + " p.message, p.status, " + time("p.created_at")
                            + " from pledge p join campaign c on c.id = p.campaign_id where p.account_id = :a"
                            + " order by p.created_at, p.id"),
            new Definition("vouchers", "兑换券", List.of("券ID", "奖励", "积分", "状态", "有效期至", "使用时间", "兑换时间"),
                    "select v.id::text, r.title, v.points_paid::text, v.status, " + time("v.expires_at") + ", "
                            + time("v.used_at") + ", " + time("v.created_at")
                            + " from voucher v join reward r on r.id = v.reward_id where v.owner_id = :a order by v.created_at, v.id"),
            new Definition("notifications", "通知", List.of("通知ID", "类型", "标题", "内容", "时间", "已读时间"),
                    "select id::text, kind, title, body, " + time("created_at") + ", " + time("read_at")
                            + " from notification where account_id = :a order by created_at, id"),
            new Definition("partnerApplications", "合伙人申请", List.of("申请ID", "名称", "联系人", "联系电话", "提交时间"),
                    "select id::text, name, contact_name, contact_phone, " + time("created_at")
                            + " from partner_application where applicant_id = :a order by created_at, id"),
            new Definition("photos", "上传的照片", List.of("照片ID", "格式", "大小（字节）", "上传时间"),
                    "select id::text, content_type, byte_size::text, " + time("created_at")
                            + " from photo where owner_account_id = :a order by created_at, id"),
            new Definition("consents", "隐私政策同意记录", List.of("版本", "同意时间"),
                    "select policy_version::text, " + time("accepted_at")
                            + " from privacy_consent where account_id = :a order by policy_version"),
            new Definition("dataAccesses", "个人信息被查看记录", List.of("查看人", "查看内容", "时间"),
                    "select coalesce(v.nickname, '账号' || v.id), a.what, " + time("a.created_at")
                            + " from data_access a join account v on v.id = a.viewer_account_id"
                            + " where a.subject_account_id = :a order by a.created_at, a.id"),
            new Definition("deletions", "注销申请", List.of("申请ID", "状态", "申请时间", "生效时间", "撤销时间"),
                    "select id::text, status, " + time("requested_at") + ", " + time("due_at") + ", "
                            + time("cancelled_at") + " from account_deletion where account_id = :a order by requested_at, id"));

    private PersonalDataSections() {
    }
}
