package cn.linli.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records changes. Call it inside the transaction that makes the change (it joins it), so the entry and the change
 * commit or roll back together: a change without its entry, or an entry for a change that never happened, cannot be.
 */
@Component
public class AuditLog {

    private final AuditRepository repository;
    private final JsonMapper json;

    AuditLog(AuditRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Transactional
    public Mono<Void> record(AuditChange change) {
        return Mono.defer(() -> repository.insert(change, toJson(change.before()), toJson(change.after())));
    }

    private @Nullable String toJson(@Nullable Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
