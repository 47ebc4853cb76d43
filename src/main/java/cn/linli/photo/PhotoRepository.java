package cn.linli.photo;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class PhotoRepository {

    /** First key of the two-key advisory lock that serialises one person's uploads (quota checks). */
    private static final int UPLOAD_LOCK_NAMESPACE = 7002;

    private final DatabaseClient db;

    PhotoRepository(DatabaseClient db) {
        this.db = db;
    }

    record StoredPhoto(long id, String contentType, byte[] content, byte[] sha256) {
    }

    record UploadCounts(long unattached, long lastDay) {
    }

    /** Serialises this person's uploads until the transaction ends, so two at once cannot both pass the quota. */
    Mono<Void> lockUploads(long ownerAccountId) {
        return db.sql("select pg_advisory_xact_lock(:namespace, cast(:owner as int))")
                .bind("namespace", UPLOAD_LOCK_NAMESPACE).bind("owner", (int) ownerAccountId)
                .then();
    }

    Mono<UploadCounts> counts(long ownerAccountId) {
        return db.sql("""
                        select count(*) filter (where attached_at is null) as unattached,
                               count(*) filter (where created_at > now() - interval '1 day') as last_day
                          from photo where owner_account_id = :owner
                        """)
                .bind("owner", ownerAccountId)
                .mapProperties(UploadCounts.class)
                .one();
    }

    /**
     * Stores the photo, or finds the one this person already uploaded with the same bytes (a retried upload). A
     * photo not yet attached has its clock restarted, so the cleanup timer leaves it alone for another period.
     */
    Mono<Long> upsert(long ownerAccountId, PhotoType type, byte[] content, byte[] sha256) {
        return db.sql("""
                        insert into photo (owner_account_id, content_type, byte_size, sha256, content)
                        values (:owner, :type, :size, :sha, :content)
                        on conflict (owner_account_id, sha256) do update
                            set created_at = case when photo.attached_at is null then now() else photo.created_at end
                        returning id
                        """)
                .bind("owner", ownerAccountId).bind("type", type.contentType()).bind("size", content.length)
                .bind("sha", ByteBuffer.wrap(sha256)).bind("content", ByteBuffer.wrap(content))
                .map(row -> row.get("id", Long.class))
                .one();
    }

    /** Marks this person's photos as in use; the ids of those that exist and are theirs. */
    Flux<Long> attach(long ownerAccountId, List<Long> ids) {
        return db.sql("""
                        update photo set attached_at = coalesce(attached_at, now())
                         where id = any(:ids) and owner_account_id = :owner
                        returning id
                        """)
                .bind("ids", ids.toArray(Long[]::new)).bind("owner", ownerAccountId)
                .map(row -> row.get("id", Long.class))
                .all();
    }

    Mono<StoredPhoto> find(long id) {
        return db.sql("select id, content_type, content, sha256 from photo where id = :id")
                .bind("id", id)
                .mapProperties(StoredPhoto.class)
                .one();
    }

    /** Deletes the photo if nothing refers to it and it was uploaded (or re-uploaded) at least {@code keep} ago. */
    Mono<Long> deleteIfUnattached(long id, Duration keep) {
        return db.sql("""
                        delete from photo where id = :id and attached_at is null
                           and created_at <= now() - make_interval(secs => :seconds)
                        """)
                .bind("id", id).bind("seconds", (double) keep.toSeconds())
                .fetch().rowsUpdated();
    }

    /** When an unattached photo was last uploaded; empty once it is attached or gone. */
    Mono<Instant> unattachedSince(long id) {
        return db.sql("select created_at from photo where id = :id and attached_at is null")
                .bind("id", id)
                .map(row -> row.get("created_at", Instant.class))
                .one();
    }
}
