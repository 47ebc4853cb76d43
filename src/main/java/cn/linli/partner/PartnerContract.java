package cn.linli.partner;

import java.time.LocalDate;

/** 契约化共建: the partner serves the community from {@code validFrom} to {@code validTo}, inclusive. */
public record PartnerContract(long id, long partnerId, long communityId, LocalDate validFrom, LocalDate validTo) {
}
