package cn.linli.timebank;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.linli.support.IntegrationTest.Login;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's 数据 page reads a community's time bank by month: totals and the movements, staff of it only. */
class CommunityTimeBankMonthE2ETest extends TimeBankTestBase {

    private GraphQlTester.Response month(Login viewer, long community, String month, Integer first, String after) {
        GraphQlTester.Request<?> request = api(viewer.client(), "CommunityTimeBankMonth")
                .variable("communityId", String.valueOf(community)).variable("month", month).variable("first", first);
        return (after == null ? request : request.variable("after", after)).execute();
    }

    private static String thisMonth() {
        return YearMonth.from(Instant.now().atOffset(CommunityMonth.BEIJING)).toString();
    }

    @Test
    void staffSeeTheMonthsGrantsInTheTotalsAndTheStatementPageByPage() {
        Login staff = staff();
        Family family = newFamily();
        GraphQlTester.Response before = month(staff, jincheng(), thisMonth(), 100, null);
        before.errors().verify();
        long grantedBefore = before.path("communityTimeBankMonth.granted").entity(Long.class).get();

        grant(staff, family.headId(), 25).errors().verify();
        grant(staff, family.memberId(), 15).errors().verify();

        GraphQlTester.Response after = month(staff, jincheng(), thisMonth(), 100, null);
        after.errors().verify();
        after.path("communityTimeBankMonth.month").entity(String.class).isEqualTo(thisMonth());
        assertThat(after.path("communityTimeBankMonth.granted").entity(Long.class).get()).isEqualTo(grantedBefore + 40);

        // oldest first, a page at a time: walk every page and find both grants as positive lines
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 100; guard++) {
            GraphQlTester.Response page = month(staff, jincheng(), thisMonth(), 2, cursor);
            page.errors().verify();
            lines.addAll(page.path("communityTimeBankMonth.statement.edges[*].node").entityList(Map.class).get()
                    .stream().map(node -> (Map<String, Object>) node).toList());
            if (!page.path("communityTimeBankMonth.statement.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                break;
            }
            cursor = page.path("communityTimeBankMonth.statement.pageInfo.endCursor").entity(String.class).get();
        }
        List<Map<String, Object>> grants = lines.subList(lines.size() - 2, lines.size());
        assertThat(grants).extracting(line -> line.get("kind")).containsExactly("GRANT", "GRANT");
        assertThat(grants).extracting(line -> line.get("points")).containsExactly(25, 15);
        assertThat(lines).extracting(line -> (String) line.get("at")).isSorted();

        // an earlier month holds none of it
        GraphQlTester.Response earlier = month(staff, jincheng(), "2020-01", 100, null);
        earlier.path("communityTimeBankMonth.granted").entity(Long.class).isEqualTo(0L);
        earlier.path("communityTimeBankMonth.statement.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void onlyTheCommunitysStaffReadItAndTheMonthMustBeYyyyMm() {
        for (Login other : List.of(login("demo-staff-fangcao"), resident(), partner())) {
            expectCode(month(other, jincheng(), thisMonth(), 10, null), "FORBIDDEN");
        }
        GraphQlTester.Response invalid = month(staff(), jincheng(), "2026-13", 10, null);
        invalid.errors().expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))
                && "月份格式应为 YYYY-MM，例如 2026-12".equals(e.getMessage())).verify();
    }
}
