package cn.linli.festival;

import cn.linli.festival.FestivalRecords.Expense;
import cn.linli.platform.db.Binds;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for campaign expenses; four eyes is guarded here too ({@code recorded_by <> :by}) and by a CHECK. */
@Repository
class ExpenseRepository {

    private final DatabaseClient db;

    ExpenseRepository(DatabaseClient db) {
        this.db = db;
    }

    record NewExpense(long campaignId, String category, long amountFen, long receiptPhotoId, @Nullable String note,
                      long recordedBy, ExpenseStatus status) {
    }

    Mono<Expense> insert(NewExpense e) {
        return db.sql("""
                        insert into campaign_expense (campaign_id, category, amount_fen, receipt_photo_id, note,
                                                      recorded_by, status, approved_at)
                        values (:c, :category, :amount, :receipt, :note, :by, :status,
                                case when :status = :approved then now() end)
                        returning *
                        """)
                .bind("c", e.campaignId()).bind("category", e.category()).bind("amount", e.amountFen())
                .bind("receipt", e.receiptPhotoId()).bind("note", Binds.nullable(e.note(), String.class))
                .bind("by", e.recordedBy()).bind("status", e.status().name())
                .bind("approved", ExpenseStatus.APPROVED.name())
                .mapProperties(Expense.class).one();
    }

    Mono<Expense> lock(long id) {
        return db.sql("select * from campaign_expense where id = :id for update").bind("id", id)
                .mapProperties(Expense.class).one();
    }

    /** PENDING → APPROVED by someone other than the recorder; false otherwise. */
    Mono<Boolean> approve(long id, long approver) {
        return db.sql("""
                        update campaign_expense set status = :to, approved_by = :by, approved_at = now()
                         where id = :id and status = any(:from) and recorded_by <> :by
                        """)
                .bind("to", ExpenseStatus.APPROVED.name()).bind("by", approver).bind("id", id)
                .bind("from", Enums.names(ExpenseLifecycle.APPROVABLE)).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Flux<Expense> ofCampaign(long campaignId) {
        return db.sql("select * from campaign_expense where campaign_id = :c order by created_at, id").bind("c", campaignId)
                .mapProperties(Expense.class).all();
    }
}
