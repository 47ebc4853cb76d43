package cn.linli.order;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A retired household keeps its members and past orders but takes no new order. */
class RetiredHouseholdOrderE2ETest extends OrderTestBase {

    @Test
    void aRetiredHouseholdTakesNoNewOrderUntilReinstated() {
        Login resident = resident();
        Login staff = staff();
        String category = newCategory("ASSIGN");
        Map<String, Object> household = Map.of("kind", "HOUSEHOLD", "id", String.valueOf(residentHousehold()));
        long before = count("select count(*) from service_order where household_id = " + residentHousehold());

        mutate(staff, "RetirePlace", household).errors().verify();
        try {
            GraphQlTester.Response refused = place(resident, orderInput(category));
            refused.errors().expect(error -> "PLACE_RETIRED".equals(error.getExtensions().get("code"))).verify();
            assertThat(count("select count(*) from service_order where household_id = " + residentHousehold()))
                    .isEqualTo(before);
        } finally {
            mutate(staff, "ReinstatePlace", household).errors().verify();
        }
        placeOrder(resident, category);
        assertThat(count("select count(*) from service_order where household_id = " + residentHousehold()))
                .isEqualTo(before + 1);
    }
}
