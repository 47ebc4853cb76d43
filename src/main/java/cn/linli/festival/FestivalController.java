package cn.linli.festival;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.linli.community.Community;
import cn.linli.community.CommunityService;
import cn.linli.photo.PhotoService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of festival campaigns. */
@Controller
class FestivalController {

    private final FestivalService service;
    private final CommunityService communities;
    private final PhotoService photos;

    FestivalController(FestivalService service, CommunityService communities, PhotoService photos) {
        this.service = service;
        this.communities = communities;
        this.photos = photos;
    }

    record CampaignIdInput(String campaignId) {
    }

    record PledgeIdInput(String pledgeId) {
    }

    record ExpenseIdInput(String expenseId) {
    }

    @QueryMapping
    Mono<Connection<Campaign>> campaigns(@Argument String communityId, @Argument @Nullable Integer first,
                                         @Argument @Nullable String after) {
        return service.campaigns(communityId, first, after);
    }

    @QueryMapping
    Mono<Campaign> campaign(@Argument String id) {
        return service.campaign(id);
    }

    @QueryMapping
    Mono<FestivalRecords.Ledger> campaignLedger(@Argument String campaignId) {
        return service.ledger(campaignId);
    }

    @MutationMapping
    Mono<Campaign> createCampaign(@Argument FestivalInputs.CreateCampaignInput input) {
        return service.create(input);
    }

    @MutationMapping
    Mono<Campaign> publishCampaign(@Argument CampaignIdInput input) {
        return service.publish(input.campaignId());
    }

    @MutationMapping
    Mono<Campaign> closeCampaign(@Argument CampaignIdInput input) {
        return service.close(input.campaignId());
    }

    @MutationMapping
    Mono<FestivalRecords.Pledge> pledgeItems(@Argument FestivalInputs.PledgeItemsInput input) {
        return service.pledgeItems(input);
    }

    @MutationMapping
    Mono<FestivalService.MoneyPledge> pledgeMoney(@Argument FestivalInputs.PledgeMoneyInput input) {
        return service.pledgeMoney(input);
    }

    @MutationMapping
    Mono<FestivalRecords.Pledge> markItemsReceived(@Argument PledgeIdInput input) {
        return service.markItemsReceived(input.pledgeId());
    }

    @MutationMapping
    Mono<FestivalRecords.Pledge> signUpVolunteer(@Argument FestivalInputs.SignUpVolunteerInput input) {
        return service.signUpVolunteer(input);
    }

    @MutationMapping
    Mono<FestivalRecords.Pledge> recordFestivalAttendance(@Argument FestivalInputs.RecordAttendanceInput input) {
        return service.recordAttendance(input);
    }

    @MutationMapping
    Mono<FestivalRecords.Pledge> recordOfflineContribution(@Argument FestivalInputs.RecordOfflineContributionInput input) {
        return service.recordOfflineContribution(input);
    }

    @MutationMapping
    Mono<FestivalRecords.Expense> recordExpense(@Argument FestivalInputs.RecordExpenseInput input) {
        return service.recordExpense(input);
    }

    @MutationMapping
    Mono<FestivalRecords.Expense> approveExpense(@Argument ExpenseIdInput input) {
        return service.approveExpense(input.expenseId());
    }

    @org.springframework.graphql.data.method.annotation.SubscriptionMapping
    reactor.core.publisher.Flux<FestivalRecords.Progress> campaignProgress(@Argument String campaignId) {
        return service.progressUpdates(campaignId);
    }

    @BatchMapping(typeName = "Campaign", field = "progress")
    Mono<Map<Campaign, FestivalRecords.Progress>> progressOfCampaign(List<Campaign> campaigns) {
        return service.progress(campaigns).map(byId -> {
            Map<Campaign, FestivalRecords.Progress> result = new HashMap<>();
            campaigns.forEach(campaign -> result.put(campaign, byId.get(campaign.id())));
            return result;
        });
    }

    /**
     * A signed link to the expense's receipt photo, for whoever may see the expense (the staff who record and approve
     * it, and everyone who may read the campaign's public ledger); computed, no database access.
     */
    @SchemaMapping(typeName = "Campaign", field = "coverImageUrl")
    @Nullable String coverImageUrlOfCampaign(Campaign campaign, GraphQLContext context) {
        return photos.url(campaign.coverPhotoId(), context);
    }

    @SchemaMapping(typeName = "CampaignExpense", field = "receiptUrl")
    String receiptUrlOfExpense(FestivalRecords.Expense expense, GraphQLContext context) {
        return Objects.requireNonNull(photos.url(expense.receiptPhotoId(), context));
    }

    @BatchMapping(typeName = "Campaign", field = "community")
    Mono<Map<Campaign, Community>> communityOfCampaign(List<Campaign> campaigns) {
        return Batches.one(campaigns, Campaign::communityId, communities::communitiesByIds);
    }
}
