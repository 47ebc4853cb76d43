package cn.linli.festival;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param expenseApprovalThresholdFen expenses above this need a second staff member's approval (four eyes)
 * @param paymentCheckAfter           a pledge still pending this long after it was made is checked with WeChat Pay
 *                                    (its notification may have been lost)
 * @param paymentExpiresAfter         a pledge unpaid this long is closed (and its WeChat Pay order with it)
 */
@ConfigurationProperties("linli.festival")
record FestivalProperties(long expenseApprovalThresholdFen, java.time.Duration paymentCheckAfter,
                          java.time.Duration paymentExpiresAfter) {
}
