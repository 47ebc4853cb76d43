package cn.linli.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.linli.community.Household;
import cn.linli.partner.MemberRole;
import cn.linli.partner.PartnerMember;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Who the viewer is with respect to orders, read in ONE statement: the households they belong to, the community they
 * are staff of, the partner they serve for. It reads what {@code CommunityService.householdsOfAccounts},
 * {@code staffByAccounts} and {@code PartnerService.membersByAccounts} read (same rows, same household label), as one
 * row per household: three statements per request were a quarter of the dispatch board's cost (issue 15). Staff and
 * partner membership are unique per account, so the left joins never multiply the household rows.
 */
@Repository
class ViewerScopes {

    private static final String SCOPE = """
            select s.community_id as staff_community_id,
                   pm.partner_id as member_partner_id, pm.role as member_role, pa.nickname as member_nickname,
                   h.id as household_id, h.unit_id, h.community_id, h.room, h.created_at, h.retired_at,
                   %s as household_label
              from (select cast(:account as bigint) as account_id) v
              left join staff s on s.account_id = v.account_id
              left join (partner_member pm join account pa on pa.id = pm.account_id) on pm.account_id = v.account_id
              left join (household_member m
                         join household h on h.id = m.household_id
                         join unit u on u.id = h.unit_id
                         join building b on b.id = u.building_id
                         join estate e on e.id = b.estate_id) on m.account_id = v.account_id
             order by m.joined_at, h.id
            """.formatted(Household.LABEL_SQL);

    private final DatabaseClient db;

    ViewerScopes(DatabaseClient db) {
        this.db = db;
    }

    /** The viewer's households (in the order they joined), staff community and partner membership. */
    record Loaded(List<Household> households, @Nullable Long staffCommunityId, @Nullable PartnerMember member) {
    }

    Mono<Loaded> load(long accountId) {
        return db.sql(SCOPE).bind("account", accountId)
                .map(row -> rowOf(accountId, row))
                .all()
                .collectList()
                .map(ViewerScopes::loaded);
    }

    private record Row(@Nullable Long staffCommunityId, @Nullable PartnerMember member, @Nullable Household household) {
    }

    private static Row rowOf(long accountId, Readable row) {
        Long partnerId = row.get("member_partner_id", Long.class);
        PartnerMember member = partnerId == null ? null : new PartnerMember(accountId, partnerId,
                row.get("member_nickname", String.class), MemberRole.valueOf(row.get("member_role", String.class)));
        Long householdId = row.get("household_id", Long.class);
        Household household = householdId == null ? null : new Household(householdId, row.get("unit_id", Long.class),
                row.get("community_id", Long.class), row.get("room", String.class),
                row.get("household_label", String.class), row.get("created_at", Instant.class),
                row.get("retired_at", Instant.class));
        return new Row(row.get("staff_community_id", Long.class), member, household);
    }

    private static Loaded loaded(List<Row> rows) {
        List<Household> households = new ArrayList<>();
        for (Row row : rows) {
            if (row.household() != null) {
                households.add(row.household());
            }
        }
        Row first = rows.get(0);
        return new Loaded(List.copyOf(households), first.staffCommunityId(), first.member());
    }
}
