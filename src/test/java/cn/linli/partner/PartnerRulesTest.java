package cn.linli.partner;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Partner rules without Spring: pricing, who manages and who sees members, the contract period, input constraints. */
class PartnerRulesTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static final Viewer RESIDENT = new Viewer(1, Set.of(Role.RESIDENT), "s");
    private static final Viewer ADMIN = new Viewer(2, Set.of(Role.ADMIN), "s");

    // ---- pricing ----

    @Test
    void eachKindKeepsOnlyItsOwnPrice() {
        assertThat(PriceKind.POINTS.price(50, 999)).isEqualTo(new PriceKind.Price(50, null));
        assertThat(PriceKind.CASH.price(7, 1200)).isEqualTo(new PriceKind.Price(null, 1200));
        assertThat(PriceKind.FREE.price(null, null)).isEqualTo(new PriceKind.Price(null, null));
        assertThat(PriceKind.POINTS.price(PriceKind.MAX_POINTS, null).points()).isEqualTo(100_000);
        assertThat(PriceKind.CASH.price(null, PriceKind.MAX_FEN).fen()).isEqualTo(10_000_000);
    }

    @ParameterizedTest(name = "{0} points={1} fen={2} → {3}: {4}")
    @CsvSource(nullValues = "null", value = {
            "POINTS, null, 100, input.pricePoints, 请填写价格",
            "POINTS, 0, null, input.pricePoints, 积分价格须在 1 到 100000 之间",
            "POINTS, 100001, null, input.pricePoints, 积分价格须在 1 到 100000 之间",
            "CASH, 100, null, input.priceFen, 请填写价格",
            "CASH, null, 0, input.priceFen, 价格（分）须在 1 到 10000000 之间",
            "CASH, null, 10000001, input.priceFen, 价格（分）须在 1 到 10000000 之间",
            "FREE, 1, null, input.priceKind, 免费服务不能设置价格",
            "FREE, null, 1, input.priceKind, 免费服务不能设置价格"})
    void aPriceThatDoesNotFitItsKindIsRefusedOnTheFieldAtFault(PriceKind kind, Integer points, Integer fen,
                                                                String field, String message) {
        assertThatThrownBy(() -> kind.price(points, fen))
                .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.extensions()).containsEntry("field", field))
                .hasMessage(message);
    }

    // ---- access ----

    @Test
    void adminsOfThePartnerAndAdministratorsManageWithoutAskingTheCommunity() {
        PartnerMember admin = new PartnerMember(1, 10, "队长", MemberRole.ADMIN);
        PartnerMember member = new PartnerMember(1, 10, "队员", MemberRole.MEMBER);
        assertThat(PartnerAccess.managesAsMember(RESIDENT, admin, 10)).isTrue();
        assertThat(PartnerAccess.managesAsMember(RESIDENT, admin, 11)).as("another partner").isFalse();
        assertThat(PartnerAccess.managesAsMember(RESIDENT, member, 10)).as("a plain member").isFalse();
        assertThat(PartnerAccess.managesAsMember(RESIDENT, null, 10)).isFalse();
        assertThat(PartnerAccess.managesAsMember(ADMIN, null, 10)).isTrue();
    }

    @Test
    void membersAreVisibleToTheirPartnerToStaffOfAContractedCommunityAndToAdministrators() {
        List<PartnerContract> contracts = List.of(new PartnerContract(1, 10, 100, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(PartnerAccess.seesMembers(RESIDENT, 10, 10L, null, contracts)).as("own partner").isTrue();
        assertThat(PartnerAccess.seesMembers(RESIDENT, 10, 11L, null, contracts)).as("another partner's member").isFalse();
        assertThat(PartnerAccess.seesMembers(RESIDENT, 10, null, 100L, contracts)).as("staff of the community").isTrue();
        assertThat(PartnerAccess.seesMembers(RESIDENT, 10, null, 101L, contracts)).as("staff elsewhere").isFalse();
        assertThat(PartnerAccess.seesMembers(RESIDENT, 10, null, null, contracts)).as("a resident").isFalse();
        assertThat(PartnerAccess.seesMembers(ADMIN, 10, null, null, List.of())).isTrue();
    }

    // ---- inputs ----

    private static PartnerInputs.OnboardPartnerInput onboard(String name, String phone, List<String> codes, int capacity,
                                                             LocalDate to) {
        return new PartnerInputs.OnboardPartnerInput("1", name, PartnerKind.CRAFTSMAN, "  ", phone, codes, capacity,
                LocalDate.of(2026, 1, 1), to, null);
    }

    private static String firstViolation(Object input) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(input);
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().findFirst().orElse("ok");
    }

    @Test
    void onboardingInputsAreCheckedFieldByField() {
        LocalDate end = LocalDate.of(2027, 1, 1);
        List<String> codes = List.of("HOME_REPAIR");
        assertThat(firstViolation(onboard(" 王师傅 ", " 028-1234 ", codes, 5, end))).isEqualTo("ok");
        assertThat(onboard(" 王师傅 ", " ", codes, 5, end)).satisfies(input -> {
            assertThat(input.name()).isEqualTo("王师傅");
            assertThat(input.contactPhone()).isNull();
            assertThat(input.description()).isNull();
        });
        assertThat(firstViolation(onboard("   ", null, codes, 5, end))).isEqualTo("name: 请填写合伙人名称");
        assertThat(firstViolation(onboard("x".repeat(61), null, codes, 5, end))).isEqualTo("name: 合伙人名称不能超过 60 个字");
        assertThat(firstViolation(onboard("a\u0007b", null, codes, 5, end))).isEqualTo("name: 合伙人名称包含无效字符");
        assertThat(firstViolation(onboard("王", "phone", codes, 5, end))).isEqualTo("contactPhone: 电话号码格式不正确");
        assertThat(firstViolation(onboard("王", null, List.of(), 5, end))).isEqualTo("categoryCodes: 请选择 1 到 20 个服务类别");
        assertThat(firstViolation(onboard("王", null, codes, 0, end))).isEqualTo("capacity: 同时接单上限须在 1 到 1000 之间");
        assertThat(firstViolation(onboard("王", null, codes, 1001, end))).isEqualTo("capacity: 同时接单上限须在 1 到 1000 之间");
    }

    @ParameterizedTest(name = "{0} – {1} → {2}")
    @CsvSource(nullValues = "null", value = {
            "2026-06-01, 2026-06-01, ok",
            "2026-01-01, 2027-12-31, ok",
            "2026-06-01, 2036-06-01, ok",
            "2026-06-01, 2036-06-02, input.validTo",
            "2026-01-01, 2025-12-31, input.validTo",
            "2025-01-01, 2025-12-31, input.validTo",
            "2027-06-02, 2028-01-01, input.validFrom",
            "2027-06-01, 2028-01-01, ok"})
    void aContractMayNotEndBeforeItStartsLieInThePastOrRunAbsurdlyLong(LocalDate from, LocalDate to, String field) {
        LocalDate today = LocalDate.of(2026, 6, 1);
        ContractPeriod period = new ContractPeriod(from, to);
        if (field.equals("ok")) {
            assertThat(period.check(today)).isEqualTo(period);
        } else {
            assertThatThrownBy(() -> period.check(today)).isInstanceOfSatisfying(LinliException.class,
                    ex -> assertThat(ex.extensions()).containsEntry("field", field));
        }
    }

    @Test
    void offeringInputsAreCheckedFieldByField() {
        assertThat(firstViolation(new PartnerInputs.CreateOfferingInput("C", " 修水管 ", " ", PriceKind.FREE, null, null, 30)))
                .isEqualTo("ok");
        assertThat(firstViolation(new PartnerInputs.CreateOfferingInput("C", "修", null, PriceKind.FREE, null, null, 5000)))
                .isEqualTo("estimatedMinutes: 预计时长（分钟）须在 1 到 1440 之间");
        assertThat(firstViolation(new PartnerInputs.CreateOfferingInput("C", " ", null, PriceKind.FREE, null, null, 30)))
                .isEqualTo("title: 请填写服务名称");
        assertThat(firstViolation(new PartnerInputs.UpdateOfferingInput("1", " ", null, null, false))).isEqualTo("ok");
        assertThat(firstViolation(new PartnerInputs.UpdateOfferingInput("1", null, "x".repeat(1001), 0, null)))
                .isEqualTo("description: 服务说明不能超过 1000 个字");
    }
}
