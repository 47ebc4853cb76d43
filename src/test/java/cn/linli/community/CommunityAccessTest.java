package cn.linli.community;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees a household's members and who acts as staff, without Spring. */
class CommunityAccessTest {

    private static Household household(long id, long community) {
        return new Household(id, 1, community, "501", "锦江苑 3栋2单元501", Instant.EPOCH);
    }

    @Test
    void aResidentSeesTheirOwnHouseholdsOnly() {
        var scope = new CommunityAccess.Scope(null, Set.of(), Set.of(7L));
        assertThat(CommunityAccess.seesMembers(scope, household(7, 100))).isTrue();
        assertThat(CommunityAccess.seesMembers(scope, household(8, 100))).isFalse();
        assertThat(CommunityAccess.isStaffOf(scope, 100)).isFalse();
        assertThat(CommunityAccess.oversees(scope, 100)).isFalse();
    }

    @Test
    void staffSeeEveryHouseholdOfTheirCommunityAndNoOther() {
        var scope = new CommunityAccess.Scope(100L, Set.of(), Set.of());
        assertThat(CommunityAccess.seesMembers(scope, household(8, 100))).isTrue();
        assertThat(CommunityAccess.seesMembers(scope, household(9, 101))).isFalse();
        assertThat(CommunityAccess.isStaffOf(scope, 100)).isTrue();
        assertThat(CommunityAccess.isStaffOf(scope, 101)).isFalse();
        assertThat(CommunityAccess.oversees(scope, 100)).isTrue();
    }

    @Test
    void streetStaffOverseeTheirStreetsCommunitiesButAreNotTheirStaff() {
        var scope = new CommunityAccess.Scope(null, Set.of(100L, 101L), Set.of());
        assertThat(CommunityAccess.oversees(scope, 100)).isTrue();
        assertThat(CommunityAccess.oversees(scope, 101)).isTrue();
        assertThat(CommunityAccess.oversees(scope, 102)).isFalse();
        assertThat(CommunityAccess.seesMembers(scope, household(9, 101))).isTrue();
        assertThat(CommunityAccess.seesMembers(scope, household(9, 102))).isFalse();
        // changes (and other features' staff checks) stay with the community's own staff
        assertThat(CommunityAccess.isStaffOf(scope, 100)).isFalse();
    }
}
