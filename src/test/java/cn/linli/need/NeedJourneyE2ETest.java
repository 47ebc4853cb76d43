package cn.linli.need;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.linli.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A need's way through the community: submitted, triaged, merged, ordered, on a meeting's agenda, resolved. */
class NeedJourneyE2ETest extends NeedTestBase {

    @Test
    void aResidentSubmitsStaffTriageAndTheHouseholdIsToldEachStep() {
        Login resident = resident();
        Login family = family();
        Login staff = staff();
        String photo = TestPhotos.uploadedId(http(), resident.accessToken(), TestPhotos.png());
        Map<String, Object> input = needInput(residentHousehold(), "  小区路灯坏了，晚上很黑  ");
        input.put("photoIds", List.of(photo));
        input.put("estateId", String.valueOf(estate("锦江苑")));
        long familyNoticesBefore = notices(family.accountId(), NeedNotices.CHANGED);
        long staffNoticesBefore = notices(staff.accountId(), NeedNotices.SUBMITTED);

        GraphQlTester.Response submittedNeed = submit(resident, input);
        submittedNeed.errors().verify();
        String id = submittedNeed.path("submitNeed.id").entity(String.class).get();
        submittedNeed.path("submitNeed.description").entity(String.class).isEqualTo("小区路灯坏了，晚上很黑");
        submittedNeed.path("submitNeed.status").entity(String.class).isEqualTo("SUBMITTED");
        submittedNeed.path("submitNeed.placeName").entity(String.class).isEqualTo("锦江苑");
        submittedNeed.path("submitNeed.supporterCount").entity(Integer.class).isEqualTo(1);
        assertThat(submittedNeed.path("submitNeed.photoUrls").entityList(String.class).get()).hasSize(1);
        assertThat(notices(staff.accountId(), NeedNotices.SUBMITTED)).isEqualTo(staffNoticesBefore + 1);

        // staff see it on the triage board, and triage it: the default rule sets the due date 14 days ahead
        List<String> board = api(staff.client(), "CommunityNeeds").variable("communityId", String.valueOf(jincheng()))
                .variable("filter", Map.of("status", "SUBMITTED")).variable("first", 100).execute()
                .path("communityNeeds.edges[*].node.id").entityList(String.class).get();
        assertThat(board).contains(id);
        GraphQlTester.Response triaged = triage(staff, id, "IMPORTANT", "NORMAL");
        triaged.errors().verify();
        triaged.path("triageNeed.status").entity(String.class).isEqualTo("TRIAGED");
        triaged.path("triageNeed.kindName").entity(String.class).isEqualTo("要事");
        Instant due = Instant.parse(triaged.path("triageNeed.dueAt").entity(String.class).get());
        assertThat(due).isCloseTo(Instant.now().plus(Duration.ofDays(14)), within(Duration.ofMinutes(2)));

        // the household sees every step; family was told of the triage; the staff change is audited
        assertThat(timeline(family, id)).containsExactly("SUBMIT", "TRIAGE");
        GraphQlTester.Response mine = api(resident.client(), "MyNeeds").variable("first", 100).execute();
        assertThat(mine.path("myNeeds.edges[*].node.id").entityList(String.class).get()).contains(id);
        assertThat(notices(family.accountId(), NeedNotices.CHANGED)).isEqualTo(familyNoticesBefore + 1);
        assertThat(audits(id, "TRIAGED")).isEqualTo(1);

        // re-triage while open: a community rule of its own (data) now sets the due date
        mutate(staff, "SetNeedTriageRule", input("communityId", String.valueOf(jincheng()), "kind", "IMPORTANT",
                "level", "URGENT", "dueWithinHours", 5)).errors().verify();
        GraphQlTester.Response again = triage(staff, id, "IMPORTANT", "URGENT");
        again.errors().verify();
        assertThat(Instant.parse(again.path("triageNeed.dueAt").entity(String.class).get()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(5)), within(Duration.ofMinutes(2)));
        List<Map<String, Object>> rules = api(staff.client(), "NeedTriageRules")
                .variable("communityId", String.valueOf(jincheng())).execute()
                .path("needTriageRules").entityList(MAP).get();
        assertThat(rules).hasSize(10).contains(Map.of("kind", "IMPORTANT", "level", "URGENT", "dueWithinHours", 5,
                "isDefault", false));
        assertThat(count("select count(*) from audit_event where subject = 'NEED_TRIAGE_RULE'")).isPositive();
    }

    @Test
    void staffRecordNeedsDoorToDoorAndMergeDuplicatesSoSupportersAddUp() {
        Login staff = staff();
        Login resident = resident();
        long neighbours = household("锦江苑", "1栋", "2单元", "102");
        Login neighbour = verifiedMemberOf(household("锦江苑", "1栋", "2单元", "202"), staff);

        String original = submitted(resident, residentHousehold(), "楼道堆放杂物，存在消防隐患");
        String duplicate = collected(staff, neighbours, "楼道杂物没人清理");
        assertThat(need(staff, duplicate).path("need.collectedByStaff").entity(Boolean.class).get()).isTrue();

        // a neighbour supports the original once per household
        GraphQlTester.Response support = mutate(neighbour, "SupportNeed", input("needId", original));
        support.path("supportNeed.supporterCount").entity(Integer.class).isEqualTo(2);
        support.path("supportNeed.added").entity(Boolean.class).isEqualTo(true);
        mutate(neighbour, "SupportNeed", input("needId", original))
                .path("supportNeed.added").entity(Boolean.class).isEqualTo(false);

        GraphQlTester.Response merged = mutate(staff, "MergeNeeds", input("needId", duplicate, "intoNeedId", original));
        merged.errors().verify();
        merged.path("mergeNeeds.supporterCount").entity(Integer.class).isEqualTo(3);
        assertThat(status(duplicate)).isEqualTo("MERGED");
        assertThat(need(staff, duplicate).path("need.mergedIntoId").entity(String.class).get()).isEqualTo(original);
        assertThat(timeline(resident, original)).containsExactly("SUBMIT", "SUPPORT", "ABSORB");

        // merged twice, or into a merged need, or across communities: refused, nothing changes
        expectCode(mutate(staff, "MergeNeeds", input("needId", duplicate, "intoNeedId", original)),
                "NEED_INVALID_TRANSITION");
        expectCode(mutate(staff, "MergeNeeds", input("needId", original, "intoNeedId", duplicate)),
                "NEED_INVALID_TRANSITION");
        String elsewhere = collected(fangcaoStaff(), household("芳草小区", "2栋", "1单元", "101"), "小区门禁坏了");
        expectCode(mutate(staff, "MergeNeeds", input("needId", original, "intoNeedId", elsewhere)), "VALIDATION_FAILED");
        assertThat(count("select count(*) from need_supporter where need_id = " + original)).isEqualTo(3);
        assertThat(audits(duplicate, "MERGED")).isEqualTo(1);
    }

    @Test
    void aMajorNeedGoesOnTheNextMeetingsAgendaAndItsResolutionMovesItOn() {
        Login staff = staff();
        Login resident = resident();
        GraphQlTester.Response meeting = mutate(staff, "CreateNeedMeeting", input("communityId",
                String.valueOf(jincheng()), "title", "十二月联席会议", "meetsOn", LocalDate.now().toString()));
        meeting.errors().verify();

        String id = submitted(resident, residentHousehold(), "小区想加装电梯");
        GraphQlTester.Response triaged = triage(staff, id, "MAJOR", "NORMAL");
        triaged.errors().verify();
        triaged.path("triageNeed.status").entity(String.class).isEqualTo("ON_AGENDA");
        String meetingId = triaged.path("triageNeed.meeting.id").entity(String.class).get();
        List<String> agenda = api(staff.client(), "NeedMeetings").variable("communityId", String.valueOf(jincheng()))
                .variable("first", 100).execute()
                .path("needMeetings.edges[*].node.agenda[*].need.id")
                .entityList(String.class).get();
        assertThat(agenda).contains(id);

        GraphQlTester.Response resolved = mutate(staff, "RecordAgendaResolution", input("meetingId", meetingId,
                "needId", id, "outcome", "RESOLVED", "resolution", "同意申请加装，由街道协调资金"));
        resolved.errors().verify();
        resolved.path("recordAgendaResolution.status").entity(String.class).isEqualTo("RESOLVED");
        expectCode(mutate(staff, "RecordAgendaResolution", input("meetingId", meetingId, "needId", id,
                "outcome", "REOPENED", "resolution", "再议")), "NEED_INVALID_TRANSITION");
        assertThat(timeline(resident, id)).containsExactly("SUBMIT", "TRIAGE", "PUT_ON_AGENDA", "MEETING_RESOLVED");
        assertThat(count("select count(*) from need_agenda_item where need_id = " + id + " and outcome = 'RESOLVED'"))
                .isEqualTo(1);

        // a 难事 triaged and sent back by the meeting returns to the community with the resolution as a note
        String hard = submitted(resident, residentHousehold(), "老旧管网改造");
        triage(staff, hard, "DIFFICULT", "NORMAL").errors().verify();
        String hardMeeting = need(staff, hard).path("need.meeting.id").entity(String.class).get();
        mutate(staff, "RecordAgendaResolution", input("meetingId", hardMeeting, "needId", hard, "outcome", "REOPENED",
                "resolution", "先做入户调查")).path("recordAgendaResolution.status").entity(String.class).isEqualTo("TRIAGED");
        assertThat(audits(hard, "AGENDA_DECIDED")).isEqualTo(1);

        // staff may put any triaged need onto a meeting by hand; staff of another community may not
        String parking = submitted(resident, residentHousehold(), "小区停车位不足");
        triage(staff, parking, "IMPORTANT", "NORMAL").errors().verify();
        expectCode(mutate(fangcaoStaff(), "AddNeedToAgenda", input("needId", parking, "meetingId", meetingId)),
                "FORBIDDEN");
        mutate(staff, "AddNeedToAgenda", input("needId", parking, "meetingId", meetingId))
                .path("addNeedToAgenda.status").entity(String.class).isEqualTo("ON_AGENDA");
        expectCode(mutate(staff, "AddNeedToAgenda", input("needId", parking, "meetingId", meetingId)),
                "NEED_INVALID_TRANSITION");
    }
}
