package cn.linli.festival;

import java.util.Collection;
import java.util.Objects;

import cn.linli.festival.FestivalRecords.KindTotal;
import cn.linli.festival.ProgressMath.IncomeRow;
import cn.linli.festival.ProgressMath.Totals;
import cn.linli.festival.ProgressMath.WallRow;
import cn.linli.platform.graphql.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Progress computed by the database: counting pledges summed per campaign and contributor kind in one grouped
 * statement, and only the newest few pledges read for the supporters wall, however many pledges a campaign has.
 */
@Repository
class ProgressRepository {

    private final DatabaseClient db;

    ProgressRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A grouped row: per campaign (contributorKind null: the campaign's totals) or per campaign and contributor kind.
     */
    record Sums(long campaignId, @Nullable ContributorKind contributorKind, long moneyFen, long residentFen,
                int pledges, int supporters) {

        boolean isTotal() {
            return contributorKind == null;
        }

        Totals totals() {
            return new Totals(moneyFen, residentFen, supporters);
        }

        KindTotal kindTotal() {
            return new KindTotal(Objects.requireNonNull(contributorKind), moneyFen, pledges);
        }
    }

    /** Totals and per-kind sums of the campaigns' counting pledges, kinds in order of their newest pledge. */
    Flux<Sums> sums(Collection<Long> campaignIds) {
        return db.sql("""
                        select campaign_id, contributor_kind,
                               coalesce(sum(amount_fen), 0)::bigint as money_fen,
                               coalesce(sum(amount_fen) filter (where contributor_kind = :resident), 0)::bigint
                                   as resident_fen,
                               count(*)::int as pledges,
                               count(distinct coalesce('a' || account_id, 'o' || id))::int as supporters
                          from pledge
                         where campaign_id = any(:ids) and status = any(:counting)
                         group by grouping sets ((campaign_id), (campaign_id, contributor_kind))
                         order by campaign_id, max(created_at) desc, max(id) desc
                        """)
                .bind("resident", ContributorKind.RESIDENT.name()).bind("ids", Ids.array(campaignIds))
                .bind("counting", Enums.names(PledgeStatus.COUNTING))
                .mapProperties(Sums.class).all();
    }

    /** The newest counting pledges of each campaign, with the need or role they give to. */
    Flux<WallRow> wall(Collection<Long> campaignIds) {
        return db.sql("""
                        select * from (
                            select p.id, p.campaign_id, p.kind, p.account_id, p.contributor_kind, p.contributor_name,
                                   p.anonymous, p.message, p.amount_fen, p.quantity, p.created_at,
                                   n.name as need_name, n.unit as need_unit, r.name as role_name,
                                   row_number() over (partition by p.campaign_id order by p.created_at desc, p.id desc)
                                       as position
                              from pledge p
                              left join campaign_item_need n on n.id = p.need_id
                              left join campaign_volunteer_role r on r.id = p.role_id
                             where p.campaign_id = any(:ids) and p.status = any(:counting)) newest
                         where position <= :size
                         order by campaign_id, created_at desc, id desc
                        """)
                .bind("ids", Ids.array(campaignIds)).bind("counting", Enums.names(PledgeStatus.COUNTING))
                .bind("size", ProgressMath.WALL_SIZE)
                .mapProperties(WallRow.class).all();
    }

    /** The campaign's counting money (paid and offline), newest first: the ledger's income lines. */
    Flux<IncomeRow> income(long campaignId) {
        return db.sql("""
                        select kind, contributor_kind, contributor_name, anonymous, amount_fen, created_at from pledge
                         where campaign_id = :c and amount_fen is not null and status = any(:counting)
                         order by created_at desc, id desc
                        """)
                .bind("c", campaignId).bind("counting", Enums.names(PledgeStatus.COUNTING))
                .mapProperties(IncomeRow.class).all();
    }
}
