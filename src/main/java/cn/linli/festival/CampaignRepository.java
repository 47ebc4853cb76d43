package cn.linli.festival;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import cn.linli.festival.FestivalRecords.ItemNeed;
import cn.linli.festival.FestivalRecords.VolunteerRole;
import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for campaigns, their item needs and volunteer roles. Status changes are conditional updates whose source states
 * come from {@link CampaignLifecycle}; counters that must not overflow are guarded by CHECKs and conditional updates.
 */
@Repository
class CampaignRepository {

    private final DatabaseClient db;

    CampaignRepository(DatabaseClient db) {
        this.db = db;
    }

    record NewCampaign(long communityId, String theme, LocalDate festivalDate, String mainVenue, List<String> branchVenues,
                       @Nullable String description, @Nullable Long coverPhotoId, Instant deadline, long moneyGoalFen,
                       FundingRule fundingRule, @Nullable String matchingSponsor, @Nullable Long matchingCapFen,
                       long createdBy) {
    }

    Mono<Long> insert(NewCampaign c) {
        return db.sql("""
                        insert into campaign (community_id, theme, festival_date, main_venue, branch_venues, description,
                            cover_photo_id, deadline, money_goal_fen, funding_rule, matching_sponsor, matching_cap_fen,
                            status, created_by)
                        values (:community, :theme, :date, :venue, :branches, :description, :cover, :deadline, :goal,
                            :rule, :sponsor, :cap, :status, :by) returning id
                        """)
                .bind("community", c.communityId()).bind("theme", c.theme()).bind("date", c.festivalDate())
                .bind("venue", c.mainVenue()).bind("branches", c.branchVenues().toArray(String[]::new))
                .bind("description", Binds.nullable(c.description(), String.class))
                .bind("cover", Binds.nullable(c.coverPhotoId(), Long.class))
                .bind("deadline", c.deadline()).bind("goal", c.moneyGoalFen()).bind("rule", c.fundingRule().name())
                .bind("sponsor", Binds.nullable(c.matchingSponsor(), String.class))
                .bind("cap", Binds.nullable(c.matchingCapFen(), Long.class))
                .bind("status", CampaignStatus.DRAFT.name()).bind("by", c.createdBy())
                .map(row -> row.get("id", Long.class)).one();
    }

    Mono<Void> insertNeed(long campaignId, String name, String unit, int quantity) {
        return db.sql("insert into campaign_item_need (campaign_id, name, unit, quantity_needed) values (:c, :n, :u, :q)")
                .bind("c", campaignId).bind("n", name).bind("u", unit).bind("q", quantity).then();
    }

    Mono<Void> insertRole(long campaignId, String name, int count, int points) {
        return db.sql("insert into campaign_volunteer_role (campaign_id, name, count, points_reward) values (:c, :n, :k, :p)")
                .bind("c", campaignId).bind("n", name).bind("k", count).bind("p", points).then();
    }

    Flux<Campaign> byIds(Collection<Long> ids) {
        return db.sql("select * from campaign where id = any(:ids)").bind("ids", Ids.array(ids))
                .map(CampaignRepository::campaign).all();
    }

    Mono<Campaign> byId(long id) {
        return db.sql("select * from campaign where id = :id").bind("id", id).map(CampaignRepository::campaign).one();
    }

    Mono<Campaign> lock(long id) {
        return db.sql("select * from campaign where id = :id for update").bind("id", id)
                .map(CampaignRepository::campaign).one();
    }

    /**
     * Shares the campaign row with other pledges for the rest of the transaction: they run side by side, but the
     * deadline (which takes it for update) waits for them, and no pledge slips in after the campaign is settled.
     */
    Mono<Campaign> share(long id) {
        return db.sql("select * from campaign where id = :id for share").bind("id", id)
                .map(CampaignRepository::campaign).one();
    }

    Flux<Campaign> ofCommunity(long communityId, boolean includeDrafts, PageRequest page) {
        var spec = db.sql("""
                        select * from campaign where community_id = :community and (:drafts or status <> :draft)
                           and %s
                         order by created_at, id limit :limit
                        """.formatted(PageRequest.after("")))
                .bind("community", communityId).bind("drafts", includeDrafts).bind("draft", CampaignStatus.DRAFT.name());
        return page.bind(spec).map(CampaignRepository::campaign).all();
    }

    /** DRAFT → OPEN; false when it was no longer a draft. */
    Mono<Boolean> publish(long id) {
        return move(id, CampaignLifecycle.Action.PUBLISH, "published_at = now()");
    }

    /** OPEN → FUNDED or FAILED at the deadline; false when it was settled already. */
    Mono<Boolean> settle(long id, CampaignLifecycle.Action settlement) {
        return move(id, settlement, "settled_at = now()");
    }

    /** FUNDED or FAILED → CLOSED; false when it was not settled. */
    Mono<Boolean> close(long id) {
        return move(id, CampaignLifecycle.Action.CLOSE, "");
    }

    /** @param stamp what else the move sets, e.g. {@code published_at = now()}; empty for nothing */
    private Mono<Boolean> move(long id, CampaignLifecycle.Action action, String stamp) {
        String also = stamp.isEmpty() ? "" : ", " + stamp;
        return db.sql("update campaign set status = :to" + also + " where id = :id and status = any(:from)")
                .bind("to", action.to().name()).bind("id", id).bind("from", Enums.names(action.from()))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Flux<ItemNeed> needsOf(Collection<Long> campaignIds) {
        return db.sql("select * from campaign_item_need where campaign_id = any(:ids) order by id")
                .bind("ids", Ids.array(campaignIds)).mapProperties(ItemNeed.class).all();
    }

    Flux<VolunteerRole> rolesOf(Collection<Long> campaignIds) {
        return db.sql("select * from campaign_volunteer_role where campaign_id = any(:ids) order by id")
                .bind("ids", Ids.array(campaignIds)).mapProperties(VolunteerRole.class).all();
    }

    Mono<VolunteerRole> role(long id) {
        return db.sql("select * from campaign_volunteer_role where id = :id").bind("id", id)
                .mapProperties(VolunteerRole.class).one();
    }

    /** Reserves items against what is still needed; false when fewer are left. */
    Mono<Boolean> reserveItems(long needId, long campaignId, int quantity) {
        return db.sql("""
                        update campaign_item_need set quantity_pledged = quantity_pledged + :q
                         where id = :id and campaign_id = :campaign and quantity_pledged + :q <= quantity_needed
                        """)
                .bind("q", quantity).bind("id", needId).bind("campaign", campaignId)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Void> receiveItems(long needId, int quantity) {
        return db.sql("update campaign_item_need set quantity_received = quantity_received + :q where id = :id")
                .bind("q", quantity).bind("id", needId).then();
    }

    Mono<Boolean> takeVolunteerPlace(long roleId, long campaignId) {
        return db.sql("""
                        update campaign_volunteer_role set signed_up = signed_up + 1
                         where id = :id and campaign_id = :campaign and signed_up < count
                        """)
                .bind("id", roleId).bind("campaign", campaignId).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** The one typed mapper of campaign rows: the branch venues are a text array, shown as a list. */
    static Campaign campaign(Readable row) {
        String[] branches = row.get("branch_venues", String[].class);
        return new Campaign(row.get("id", Long.class), row.get("community_id", Long.class), row.get("theme", String.class),
                row.get("festival_date", LocalDate.class), row.get("main_venue", String.class),
                branches == null ? List.of() : Arrays.asList(branches), row.get("description", String.class),
                row.get("cover_photo_id", Long.class), row.get("deadline", Instant.class),
                row.get("money_goal_fen", Long.class), FundingRule.valueOf(row.get("funding_rule", String.class)),
                row.get("matching_sponsor", String.class), row.get("matching_cap_fen", Long.class),
                CampaignStatus.valueOf(row.get("status", String.class)), row.get("created_at", Instant.class));
    }
}
