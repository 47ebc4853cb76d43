package cn.linli.community;

import java.util.UUID;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: the community tree query runs a fixed number of statements (one per level), whether the community has one
 * household or a hundred and twenty.
 */
class CommunityTreeSqlCountTest extends IntegrationTest {

    @Test
    void statementsDoNotGrowWithTheNumberOfHouseholds() {
        long tiny = newCommunity(1, 1, 1, 1);
        long large = newCommunity(3, 4, 2, 5);
        Login admin = admin();

        java.util.List<String> tinyStatements = statementsFor(admin, tiny, 1);
        java.util.List<String> largeStatements = statementsFor(admin, large, 3 * 4 * 2 * 5);

        assertThat(largeStatements).as("tiny:%n%s%nlarge:%n%s", String.join("\n", tinyStatements),
                String.join("\n", largeStatements)).hasSameSizeAs(tinyStatements);
        // community, street, staff, household count, estates, buildings, units, households, members (+ viewer scope)
        assertThat(largeStatements).hasSizeLessThanOrEqualTo(10);
    }

    private java.util.List<String> statementsFor(Login admin, long communityId, int expectedHouseholds) {
        sql.reset();
        GraphQlTester.Response response = api(admin.client(), "CommunityTree").variable("id", communityId).execute();
        response.errors().verify();
        java.util.List<String> statements = sql.statements();
        response.path("community.estates[*].buildings[*].units[*].households[*].id").entityList(String.class)
                .hasSize(expectedHouseholds);
        response.path("community.estates[*].buildings[*].units[*].households[*].members[*].nickname")
                .entityList(String.class).hasSize(expectedHouseholds);
        return statements;
    }

    /** A community of estates × buildings × units × rooms households, each with one resident. */
    private long newCommunity(int estates, int buildings, int units, int rooms) {
        String name = "测试社区-" + UUID.randomUUID().toString().substring(0, 8);
        return db.sql("""
                        with c as (
                            insert into community (street_id, name) select id, :name from street order by id limit 1
                            returning id
                        ), e as (
                            insert into estate (community_id, name) select c.id, '小区' || n from c, generate_series(1, :estates) n
                            returning id, community_id
                        ), b as (
                            insert into building (estate_id, community_id, name)
                            select e.id, e.community_id, n || '栋' from e, generate_series(1, :buildings) n
                            returning id, community_id
                        ), u as (
                            insert into unit (building_id, community_id, name)
                            select b.id, b.community_id, n || '单元' from b, generate_series(1, :units) n
                            returning id, community_id
                        ), h as (
                            insert into household (unit_id, community_id, room)
                            select u.id, u.community_id, n || '01' from u, generate_series(1, :rooms) n
                            returning id
                        ), a as (
                            insert into account (openid, nickname)
                            select 'o-test-' || :name || '-' || h.id, '居民' || h.id from h
                            returning id, openid
                        ), m as (
                            insert into household_member (household_id, account_id, is_head)
                            select h.id, a.id, true from h join a on a.openid = 'o-test-' || :name || '-' || h.id
                        )
                        select id from c
                        """)
                .bind("name", name)
                .bind("estates", estates)
                .bind("buildings", buildings)
                .bind("units", units)
                .bind("rooms", rooms)
                .map(row -> row.get("id", Long.class))
                .one()
                .block();
    }
}
