package cn.linli.householdimport;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Upload (dry run) → report → commit, over HTTP with the api/ documents. */
class HouseholdImportE2ETest extends ImportTestBase {

    private static final byte[] FIVE_ROWS = csv(HEADER,
            "翠竹苑,1栋,1单元,101,王秀英,13900001001",
            "翠竹苑,1栋,1单元,102,,",
            "翠竹苑,1栋,2单元,101,李建国,028-85551201",
            "银杏小区,A座,1单元,B-101,,",
            "银杏小区,A座,1单元,-101,,");

    @Test
    void theDryRunWritesNothingAndReportsEveryRow() {
        Place place = newCommunity();
        long imports = count("select count(*) from household_import");
        Map<String, Object> summary = uploaded(place, FIVE_ROWS);
        assertCounts(summary, 5, 5, 0, 0);
        assertThat(summary).containsEntry("status", "CHECKED").containsEntry("format", "CSV");
        assertThat(places(place.communityId())).as("nothing written to the tree").isZero();
        assertThat(count("select count(*) from household_import")).isEqualTo(imports + 1);

        GraphQlTester.Response report = report(place.staff(), (String) summary.get("id"), null);
        report.errors().verify();
        report.path("householdImport.status").entity(String.class).isEqualTo("CHECKED");
        report.path("householdImport.fileName").entity(String.class).isEqualTo("住户.csv");
        report.path("householdImport.rows.edges[*].node.rowNumber").entityList(Integer.class)
                .containsExactly(2, 3, 4, 5, 6);
        report.path("householdImport.rows.edges[0].node.headPhone").entity(String.class).isEqualTo("13900001001");
        report.path("householdImport.rows.edges[*].node.outcome").entityList(String.class)
                .containsExactly("NEW", "NEW", "NEW", "NEW", "NEW");
    }

    @Test
    void theCommitCreatesExactlyTheNewRowsOnceAndTheSameFileAgainChangesNothing() {
        Place place = newCommunity();
        String first = uploadedId(place, FIVE_ROWS);
        GraphQlTester.Response committed = commit(place.staff(), first);
        committed.errors().verify();
        committed.path("commitHouseholdImport.status").entity(String.class).isEqualTo("COMMITTED");
        committed.path("commitHouseholdImport.newCount").entity(Integer.class).isEqualTo(5);
        // 2 estates, 2 buildings, 3 units, 5 households
        assertThat(places(place.communityId())).isEqualTo(12);
        // the registered head's name and phone are stored sealed, found by the phone's keyed hash
        assertThat(count("select count(*) from household where community_id = " + place.communityId()
                + " and registered_head_name like 'enc:%' and registered_head_phone like 'enc:%'"
                + " and registered_head_phone_hash = '" + cipher.phoneHash("13900001001") + "'")).isEqualTo(1);
        assertThat(count("select count(*) from household where community_id = " + place.communityId()
                + " and (registered_head_name = '王秀英' or registered_head_phone = '13900001001')")).isZero();
        assertThat(count("select count(*) from audit_event where subject = 'HOUSEHOLD_IMPORT' and action = 'IMPORTED'"
                + " and subject_id = " + first + " and (after ->> 'householdsCreated')::int = 5")).isEqualTo(1);

        // committing again: nothing changes, the same committed import is answered
        commit(place.staff(), first).path("commitHouseholdImport.committedAt").entity(String.class)
                .isEqualTo(committed.path("commitHouseholdImport.committedAt").entity(String.class).get());
        assertThat(places(place.communityId())).isEqualTo(12);
        assertThat(count("select count(*) from audit_event where subject = 'HOUSEHOLD_IMPORT' and subject_id = " + first))
                .isEqualTo(1);

        // the same file again: every row is already there, and committing it creates nothing
        Map<String, Object> again = uploaded(place, FIVE_ROWS);
        assertCounts(again, 5, 0, 5, 0);
        commit(place.staff(), (String) again.get("id")).errors().verify();
        assertThat(places(place.communityId())).isEqualTo(12);
    }

    @Test
    void aBadRowInTheMiddleRefusesTheWholeCommitAndWritesNothing() {
        Place place = newCommunity();
        Map<String, Object> summary = uploaded(place, csv(HEADER,
                "翠竹苑,1栋,1单元,101,,",
                "翠竹苑,1栋,,102,,",
                "翠竹苑,1栋,1单元,103,,12345",
                "翠竹苑,1栋,1单元,101,,",
                "翠竹苑,1栋,1单元,104,,"));
        assertCounts(summary, 5, 2, 0, 3);
        String id = (String) summary.get("id");
        GraphQlTester.Response invalid = report(place.staff(), id, "INVALID");
        invalid.path("householdImport.rows.edges[*].node.rowNumber").entityList(Integer.class).containsExactly(3, 4, 5);
        invalid.path("householdImport.rows.edges[*].node.reason").entityList(String.class).satisfies(reasons -> {
            assertThat(reasons.get(0)).isEqualTo("缺少单元");
            assertThat(reasons.get(1)).startsWith("联系电话格式不正确");
            assertThat(reasons.get(2)).isEqualTo("与第 2 行是同一户，重复了");
        });
        report(place.staff(), id, "NEW").path("householdImport.rows.edges[*].node.rowNumber").entityList(Integer.class)
                .containsExactly(2, 6);

        expectCode(commit(place.staff(), id), "IMPORT_HAS_INVALID_ROWS");
        assertThat(places(place.communityId())).isZero();
        report(place.staff(), id, null).path("householdImport.status").entity(String.class).isEqualTo("CHECKED");
    }

    @Test
    void theSampleFileShippedForTheReadmeImports() throws java.io.IOException {
        Place place = newCommunity();
        byte[] sample;
        try (var in = getClass().getResourceAsStream("/samples/households.csv")) {
            sample = java.util.Objects.requireNonNull(in).readAllBytes();
        }
        Map<String, Object> summary = uploaded(place, sample);
        assertCounts(summary, 12, 12, 0, 0);
        commit(place.staff(), (String) summary.get("id")).errors().verify();
        assertThat(households(place.communityId())).isEqualTo(12);
        assertThat(count("select count(*) from estate where community_id = " + place.communityId())).isEqualTo(2);
    }

    @Test
    void theReportPagesByKeyset() {
        Place place = newCommunity();
        String id = uploadedId(place, FIVE_ROWS);
        GraphQlTester.Response first = api(place.staff().client(), "HouseholdImport").variable("id", id)
                .variable("first", 2).execute();
        first.path("householdImport.rows.edges[*].node.rowNumber").entityList(Integer.class).containsExactly(2, 3);
        first.path("householdImport.rows.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("householdImport.rows.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response next = api(place.staff().client(), "HouseholdImport").variable("id", id)
                .variable("first", 3).variable("after", cursor).execute();
        next.path("householdImport.rows.edges[*].node.rowNumber").entityList(Integer.class).containsExactly(4, 5, 6);
        next.path("householdImport.rows.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void theCommitRechecksTheTreeAsItIsAtCommitTime() {
        Place place = newCommunity();
        String early = uploadedId(place, FIVE_ROWS);
        String overlapping = uploadedId(place, csv(HEADER, "翠竹苑,1栋,1单元,101,,", "翠竹苑,9栋,1单元,901,,"));
        commit(place.staff(), early).errors().verify();

        // the second import's dry run said NEW for 101, which exists by now: it is not created twice
        GraphQlTester.Response second = commit(place.staff(), overlapping);
        second.errors().verify();
        second.path("commitHouseholdImport.newCount").entity(Integer.class).isEqualTo(1);
        second.path("commitHouseholdImport.alreadyThereCount").entity(Integer.class).isEqualTo(1);
        assertThat(households(place.communityId())).isEqualTo(6);
        report(place.staff(), overlapping, "ALREADY_THERE")
                .path("householdImport.rows.edges[*].node.rowNumber").entityList(Integer.class).containsExactly(2);
    }

    @Test
    void aRetiredPlaceIsInvalidAndNeverReinstated() {
        Place place = newCommunity();
        commit(place.staff(), uploadedId(place, FIVE_ROWS)).errors().verify();
        String later = uploadedId(place, csv(HEADER, "翠竹苑,1栋,2单元,102,,"));
        // retiring belongs to the tree API of another part of issue 12; set here as a fixture
        db.sql("update unit set retired_at = now() where community_id = :c and name = '2单元'")
                .bind("c", place.communityId()).then().block();
        long before = places(place.communityId());

        expectCode(commit(place.staff(), later), "IMPORT_HAS_INVALID_ROWS");
        assertThat(places(place.communityId())).isEqualTo(before);

        Map<String, Object> retired = uploaded(place, csv(HEADER, "翠竹苑,1栋,2单元,101,,", "翠竹苑,1栋,2单元,103,,"));
        assertCounts(retired, 2, 0, 0, 2);
        report(place.staff(), (String) retired.get("id"), "INVALID")
                .path("householdImport.rows.edges[0].node.reason").entity(String.class)
                .isEqualTo("单元“翠竹苑 1栋 2单元”已停用，不能再导入住户");
        assertThat(count("select count(*) from unit where retired_at is not null and community_id = "
                + place.communityId())).isEqualTo(1);
    }

    @Test
    void xlsxAndGbkCsvAreReadLikeUtf8Csv() {
        Place place = newCommunity();
        Map<String, Object> fromExcel = uploaded(place, xlsx(List.of(
                List.of("房号", "小区", "楼栋", "单元"),
                List.of("501", "锦绣苑", "3栋", "2单元"),
                List.of("５０２", "锦绣苑", "3栋", "2单元"))));
        assertCounts(fromExcel, 2, 2, 0, 0);
        assertThat(fromExcel).containsEntry("format", "XLSX");
        commit(place.staff(), (String) fromExcel.get("id")).errors().verify();

        // Excel in China saves CSV in GBK; full-width ５０２ was stored as 502, so both rows are there now
        byte[] gbk = csv(Charset.forName("GBK"), "小区,楼栋,单元,房号", "锦绣苑,3栋,2单元,501", "锦绣苑,3栋,2单元,502");
        assertCounts(uploaded(place, gbk), 2, 0, 2, 0);
        byte[] bom = csv("\uFEFF小区,楼栋,单元,房号", "锦绣苑,3栋,2单元,501");
        assertCounts(uploaded(place, bom), 1, 0, 1, 0);
    }

    @Test
    void onlyStaffOfTheCommunityAndAdminsMayImport() {
        Place place = newCommunity();
        String id = uploadedId(place, FIVE_ROWS);
        expectRefused(null, place.communityId(), FIVE_ROWS, 401, "UNAUTHENTICATED");
        for (Login other : List.of(resident(), staff(), login("demo-staff-fangcao"), partner())) {
            expectRefused(other.accessToken(), place.communityId(), FIVE_ROWS, 403, "FORBIDDEN");
            expectCode(report(other, id, null), "FORBIDDEN");
            expectCode(commit(other, id), "FORBIDDEN");
        }
        expectCode(api(anonymous(), "CommitHouseholdImport").variable("input", Map.of("importId", id)).execute(),
                "UNAUTHENTICATED");
        assertThat(places(place.communityId())).isZero();

        // a revoked session's old token is refused at the door
        Login staff = place.staff();
        api(staff.client(), "Logout").variable("input", Map.of("refreshToken", staff.refreshToken())).execute()
                .errors().verify();
        expectRefused(staff.accessToken(), place.communityId(), FIVE_ROWS, 401, "UNAUTHENTICATED");

        Login admin = admin();
        upload(admin.accessToken(), place.communityId(), FIVE_ROWS, "a.csv").expectStatus().isCreated();
        commit(admin, id).errors().verify();
        assertThat(households(place.communityId())).isEqualTo(5);
    }
}
