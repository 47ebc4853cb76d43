package cn.linli.partner;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the partner feature writes to the audit trail, in the changing transaction: every change of an application's
 * status, of a partner's contracts and of its members. Before/after are small maps of the fields that changed.
 */
@Component
class PartnerAudit {

    private final AuditLog log;

    PartnerAudit(AuditLog log) {
        this.log = log;
    }

    Mono<Void> application(long actorId, long communityId, long applicationId, AuditAction action,
                           @Nullable ApplicationStatus before, ApplicationStatus after, @Nullable String reason) {
        Map<String, Object> to = fields("status", after.name(), "reason", reason);
        return log.record(new AuditChange(actorId, communityId, AuditSubject.PARTNER_APPLICATION, applicationId, action,
                before == null ? null : Map.of("status", before.name()), to));
    }

    Mono<Void> created(long actorId, long communityId, long partnerId, String name, PartnerKind kind, int capacity) {
        return log.record(new AuditChange(actorId, communityId, AuditSubject.PARTNER, partnerId, AuditAction.CREATED,
                null, Map.of("name", name, "kind", kind.name(), "capacity", capacity)));
    }

    Mono<Void> contracted(long actorId, long communityId, long partnerId, long contractId, ContractPeriod period,
                          @Nullable Integer capacity) {
        return log.record(new AuditChange(actorId, communityId, AuditSubject.PARTNER, partnerId, AuditAction.CONTRACTED,
                null, fields("contractId", contractId, "validFrom", period.validFrom().toString(),
                        "validTo", period.validTo().toString(), "capacity", capacity)));
    }

    /** A membership change (INVITED, JOINED, DECLINED, LEFT, REMOVED) of one person. */
    Mono<Void> member(long actorId, @Nullable Long communityId, long partnerId, AuditAction action, long accountId,
                      @Nullable MemberRole before, @Nullable MemberRole after) {
        return log.record(new AuditChange(actorId, communityId, AuditSubject.PARTNER, partnerId, action,
                before == null ? null : Map.of("accountId", accountId, "role", before.name()),
                after == null ? null : Map.of("accountId", accountId, "role", after.name())));
    }

    /** A map that leaves out null values (Map.of refuses them). */
    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
