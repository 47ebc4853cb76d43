package cn.linli.partner;

/** A partner that may take an order now, with how many orders it was given in the last seven days. */
public record EligiblePartner(Partner partner, int recentAssignments) {
}
