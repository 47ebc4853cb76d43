package cn.linli.timebank;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Volunteer hours per person in a community, from the ledger; cached briefly in Redis and dropped once a service
 * earning in that community has committed (the earning publishes {@link ServiceEarned}).
 */
@Component
class Leaderboard {

    /** Service minutes were earned in the community; published inside the earning's transaction. */
    record ServiceEarned(long communityId) {
    }

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final TypeReference<List<TimeBankInputs.LeaderboardEntry>> ENTRIES = new TypeReference<>() { };

    private final TimeBankRepository repository;
    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;

    Leaderboard(TimeBankRepository repository, ReactiveStringRedisTemplate redis, JsonMapper json) {
        this.repository = repository;
        this.redis = redis;
        this.json = json;
    }

    Mono<List<TimeBankInputs.LeaderboardEntry>> top(long communityId, int limit) {
        String key = key(communityId);
        String field = String.valueOf(limit);
        return redis.<String, String>opsForHash().get(key, field)
                .map(cached -> json.readValue(cached, ENTRIES))
                .switchIfEmpty(Mono.defer(() -> computeAndCache(communityId, limit, key, field)));
    }

    private Mono<List<TimeBankInputs.LeaderboardEntry>> computeAndCache(long communityId, int limit, String key,
                                                                        String field) {
        return repository.leaderboard(communityId, limit).collectList()
                .map(Leaderboard::ranked)
                .flatMap(entries -> redis.<String, String>opsForHash().put(key, field, json.writeValueAsString(entries))
                        .then(redis.expire(key, TTL))
                        .thenReturn(entries));
    }

    static List<TimeBankInputs.LeaderboardEntry> ranked(List<TimeBankRepository.Leader> rows) {
        List<TimeBankInputs.LeaderboardEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            entries.add(new TimeBankInputs.LeaderboardEntry(i + 1, String.valueOf(row.ownerAccountId()), row.nickname(),
                    row.minutes(), LedgerMath.hours(row.minutes())));
        }
        return entries;
    }

    /** After commit only, so the next read sees the earning; a Redis failure just leaves the entry to its TTL. */
    @TransactionalEventListener
    public void forget(ServiceEarned event) {
        redis.delete(key(event.communityId())).onErrorResume(ex -> Mono.empty()).subscribe();
    }

    private static String key(long communityId) {
        return "linli:volunteer-leaderboard:" + communityId;
    }
}
