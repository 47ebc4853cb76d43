package cn.linli.partner;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.linli.platform.error.LinliException;

/**
 * A contract's days (inclusive), checked against today in China: it may not end before it starts, may not lie wholly
 * in the past (issue 16: such a contract was accepted and served nobody), and may not run absurdly far ahead.
 */
record ContractPeriod(LocalDate validFrom, LocalDate validTo) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Longest contract: ten years; a longer one is a typo (e.g. year 20266), not an agreement. */
    static final int MAX_YEARS = 10;

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** @throws LinliException VALIDATION_FAILED on {@code input.validTo} or {@code input.validFrom} */
    ContractPeriod check(LocalDate today) {
        if (validTo.isBefore(validFrom)) {
            throw LinliException.invalid("input.validTo", "合同结束日期不能早于开始日期");
        }
        if (validTo.isBefore(today)) {
            throw LinliException.invalid("input.validTo", "合同已经结束，请填写有效期内的合同");
        }
        if (validFrom.isAfter(today.plusYears(1))) {
            throw LinliException.invalid("input.validFrom", "合同开始日期不能晚于一年之后");
        }
        if (validTo.isAfter(validFrom.plusYears(MAX_YEARS))) {
            throw LinliException.invalid("input.validTo", "合同期限不能超过 " + MAX_YEARS + " 年");
        }
        return this;
    }
}
