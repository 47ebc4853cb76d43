package cn.linli.festival;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param expenseApprovalThresholdFen expenses above this need a second staff member's approval (four eyes) */
@ConfigurationProperties("linli.festival")
record FestivalProperties(long expenseApprovalThresholdFen) {
}
