package cn.linli.festival;

import cn.linli.festival.ExpenseRepository.NewExpense;
import cn.linli.festival.FestivalInputs.RecordExpenseInput;
import cn.linli.festival.FestivalRecords.Expense;
import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Campaign expenses with their receipts; above the threshold a second staff member approves (four eyes). */
@Service
@Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
class ExpenseService {

    private static final String RECEIPT_FIELD = "input.receiptPhotoId";

    private final ExpenseRepository expenses;
    private final CampaignRepository campaigns;
    private final FestivalAccess access;
    private final PhotoService photos;
    private final FestivalProperties properties;

    ExpenseService(ExpenseRepository expenses, CampaignRepository campaigns, FestivalAccess access, PhotoService photos,
                   FestivalProperties properties) {
        this.expenses = expenses;
        this.campaigns = campaigns;
        this.access = access;
        this.photos = photos;
        this.properties = properties;
    }

    /** The receipt photo is attached in the expense's transaction: a refused expense attaches nothing. */
    @Transactional
    public Mono<Expense> record(Viewer viewer, RecordExpenseInput input) {
        long campaignId = Ids.parse(input.campaignId(), "input.campaignId");
        long receipt = Ids.parse(input.receiptPhotoId(), RECEIPT_FIELD);
        var row = new NewExpense(campaignId, input.category(), input.amountFen(), receipt, input.note(), viewer.accountId(),
                ExpenseLifecycle.initial(input.amountFen(), properties.expenseApprovalThresholdFen()));
        return requireStaffOfCampaign(viewer, campaignId)
                .then(photos.attach(viewer.accountId(), receipt, RECEIPT_FIELD))
                .then(expenses.insert(row));
    }

    /** Staff other than the recorder approve a pending expense, once. */
    @Transactional
    public Mono<Expense> approve(Viewer viewer, String expenseId) {
        long id = Ids.parse(expenseId, "input.expenseId");
        return expenses.lock(id)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("支出")))
                .flatMap(expense -> requireStaffOfCampaign(viewer, expense.campaignId())
                        .then(Mono.fromRunnable(() -> ExpenseLifecycle.checkApproval(expense, viewer.accountId()))))
                .then(expenses.approve(id, viewer.accountId()))
                .flatMap(done -> done ? expenses.lock(id) : Mono.error(new LinliException(ErrorCode.EXPENSE_ALREADY_APPROVED)));
    }

    private Mono<Void> requireStaffOfCampaign(Viewer viewer, long campaignId) {
        return campaigns.byId(campaignId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("众筹")))
                .flatMap(campaign -> access.requireStaff(viewer, campaign.communityId()));
    }
}
