package cn.linli.order;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Hands the relations a list page read together with its orders ({@link ListedOrder}) to the batch loaders of the
 * nested fields, by priming them: a primed order never reaches its {@code @BatchMapping} method, so a page of the
 * dispatch board costs one statement for the orders and all their to-one relations, whatever the page size. Orders
 * from anywhere else (one order, mutation payloads, subscription events) are not primed and load in batches as before.
 * Over the WebSocket the loaders run without a cache (platform FreshPerEventBatchLoaders), so priming does nothing
 * there and the batch loaders answer: the same values, more statements.
 */
final class OrderRelations {

    /** The {@code @BatchMapping} loaders are registered under their field coordinates. */
    static final String CATEGORY = "Order.category";
    static final String OFFERING = "Order.offering";
    static final String HOUSEHOLD = "Order.household";
    static final String PARTNER = "Order.partner";
    static final String RESIDENT = "Order.resident";
    static final String SERVING_MEMBER = "Order.servingMember";

    /** The rows' orders, with each loader primed with every row's value (null included: "there is none"). */
    static List<ServiceOrder> primed(DataFetchingEnvironment env, List<ListedOrder> rows) {
        DataLoaderRegistry loaders = env.getDataLoaderRegistry();
        prime(loaders, CATEGORY, rows, ListedOrder::category);
        prime(loaders, OFFERING, rows, ListedOrder::offering);
        prime(loaders, HOUSEHOLD, rows, ListedOrder::household);
        prime(loaders, PARTNER, rows, ListedOrder::partner);
        prime(loaders, RESIDENT, rows, ListedOrder::resident);
        prime(loaders, SERVING_MEMBER, rows, ListedOrder::servingMember);
        List<ServiceOrder> orders = new ArrayList<>(rows.size());
        for (ListedOrder row : rows) {
            orders.add(row.order());
        }
        return orders;
    }

    private static <V> void prime(DataLoaderRegistry loaders, String field, List<ListedOrder> rows,
                                  Function<ListedOrder, @Nullable V> value) {
        DataLoader<ServiceOrder, @Nullable V> loader = loaders.getDataLoader(field);
        if (loader == null) {
            return;
        }
        for (ListedOrder row : rows) {
            loader.prime(row.order(), CompletableFuture.completedFuture(value.apply(row)));
        }
    }

    private OrderRelations() {
    }
}
