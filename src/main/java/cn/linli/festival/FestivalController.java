package cn.linli.festival;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.linli.community.Community;
import cn.linli.community.CommunityService;
import cn.linli.festival.FestivalInputs.CampaignIdInput;
import cn.linli.festival.FestivalInputs.ExpenseIdInput;
import cn.linli.festival.FestivalInputs.PledgeIdInput;
import cn.linli.festival.FestivalRecords.Expense;
import cn.linli.festival.FestivalRecords.Ledger;
import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.festival.FestivalRecords.Progress;
import cn.linli.photo.PhotoService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** GraphQL mappings of festival campaigns: the viewer and validated inputs go to the service of each flow. */
@Controller
class FestivalController {

    private final CampaignService campaigns;
    private final PledgeService pledges;
    private final PaymentService payments;
    private final ExpenseService expenses;
    private final ProgressService progress;
    private final CommunityService communities;
    private final PhotoService photos;

    FestivalController(CampaignService campaigns, PledgeService pledges, PaymentService payments, ExpenseService expenses,
                       ProgressService progress, CommunityService communities, PhotoService photos) {
        this.campaigns = campaigns;
        this.pledges = pledges;
        this.payments = payments;
        this.expenses = expenses;
        this.progress = progress;
        this.communities = communities;
        this.photos = photos;
    }

    @QueryMapping
    Mono<Connection<Campaign>> campaigns(@Argument String communityId, @Argument @Nullable Integer first,
                                         @Argument @Nullable String after, Viewer viewer) {
        return campaigns.campaigns(viewer, communityId, first, after);
    }

    @QueryMapping
    Mono<Campaign> campaign(@Argument String id, Viewer viewer) {
        return campaigns.campaign(viewer, id);
    }

    @QueryMapping
    Mono<Ledger> campaignLedger(@Argument String campaignId, Viewer viewer) {
        return progress.ledger(viewer, campaignId);
    }

    @MutationMapping
    Mono<Campaign> createCampaign(@Argument @Valid FestivalInputs.CreateCampaignInput input, Viewer viewer) {
        return campaigns.create(viewer, input);
    }

    @MutationMapping
    Mono<Campaign> publishCampaign(@Argument CampaignIdInput input, Viewer viewer) {
        return campaigns.publish(viewer, input.campaignId());
    }

    @MutationMapping
    Mono<Campaign> closeCampaign(@Argument CampaignIdInput input, Viewer viewer) {
        return campaigns.close(viewer, input.campaignId());
    }

    @MutationMapping
    Mono<Pledge> pledgeItems(@Argument @Valid FestivalInputs.PledgeItemsInput input, Viewer viewer) {
        return pledges.pledgeItems(viewer, input);
    }

    @MutationMapping
    Mono<PaymentService.MoneyPledge> pledgeMoney(@Argument @Valid FestivalInputs.PledgeMoneyInput input, Viewer viewer) {
        return payments.pledgeMoney(viewer, input);
    }

    @MutationMapping
    Mono<Pledge> markItemsReceived(@Argument PledgeIdInput input, Viewer viewer) {
        return pledges.markItemsReceived(viewer, input.pledgeId());
    }

    @MutationMapping
    Mono<Pledge> signUpVolunteer(@Argument FestivalInputs.SignUpVolunteerInput input, Viewer viewer) {
        return pledges.signUpVolunteer(viewer, input);
    }

    @MutationMapping
    Mono<Pledge> recordFestivalAttendance(@Argument @Valid FestivalInputs.RecordAttendanceInput input, Viewer viewer) {
        return pledges.recordAttendance(viewer, input);
    }

    @MutationMapping
    Mono<Pledge> recordOfflineContribution(@Argument @Valid FestivalInputs.RecordOfflineContributionInput input,
                                           Viewer viewer) {
        return pledges.recordOfflineContribution(viewer, input);
    }

    @MutationMapping
    Mono<Expense> recordExpense(@Argument @Valid FestivalInputs.RecordExpenseInput input, Viewer viewer) {
        return expenses.record(viewer, input);
    }

    @MutationMapping
    Mono<Expense> approveExpense(@Argument ExpenseIdInput input, Viewer viewer) {
        return expenses.approve(viewer, input.expenseId());
    }

    @SubscriptionMapping
    Flux<Progress> campaignProgress(@Argument String campaignId, Viewer viewer) {
        return progress.progressUpdates(viewer, campaignId);
    }

    @BatchMapping(typeName = "Campaign", field = "progress")
    Mono<Map<Campaign, Progress>> progressOfCampaign(List<Campaign> held) {
        return progress.progress(held).map(byId -> {
            Map<Campaign, Progress> result = new HashMap<>();
            held.forEach(campaign -> result.put(campaign, byId.get(campaign.id())));
            return result;
        });
    }

    /** A signed link to the campaign's cover photo; computed, no database access. */
    @SchemaMapping(typeName = "Campaign", field = "coverImageUrl")
    @Nullable String coverImageUrlOfCampaign(Campaign campaign, GraphQLContext context) {
        return photos.url(campaign.coverPhotoId(), context);
    }

    /**
     * A signed link to the expense's receipt photo, for whoever may see the expense (the staff who record and approve
     * it, and everyone who may read the campaign's public ledger); computed, no database access.
     */
    @SchemaMapping(typeName = "CampaignExpense", field = "receiptUrl")
    String receiptUrlOfExpense(Expense expense, GraphQLContext context) {
        return Objects.requireNonNull(photos.url(expense.receiptPhotoId(), context));
    }

    @BatchMapping(typeName = "Campaign", field = "community")
    Mono<Map<Campaign, Community>> communityOfCampaign(List<Campaign> held) {
        return Batches.one(held, Campaign::communityId, communities::communitiesByIds);
    }
}
