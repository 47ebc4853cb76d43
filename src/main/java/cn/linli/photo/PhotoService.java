package cn.linli.photo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.timer.Timers;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Uploading photos, attaching them to what refers to them, and handing out signed URLs. Other features keep photo
 * ids and call {@link #attach} inside their own transaction, so a photo is either referenced or, a day later, gone.
 */
@Service
public class PhotoService {

    /** An order, a completion report or a receipt carries at most this many photos. */
    public static final int MAX_PHOTOS = 9;

    static final String UNUSED_TIMER = "PHOTO_UNUSED";

    private final PhotoRepository photos;
    private final PhotoUrls urls;
    private final PhotoProperties properties;
    private final Timers timers;

    PhotoService(PhotoRepository photos, PhotoUrls urls, PhotoProperties properties, Timers timers) {
        this.photos = photos;
        this.urls = urls;
        this.properties = properties;
        this.timers = timers;
    }

    public record UploadedPhoto(String id, String url) {
    }

    /**
     * Stores a photo for the signed-in person; uploading the same bytes again returns the same photo. The quota is
     * checked under a per-person lock, so two uploads at once cannot both pass it.
     */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<UploadedPhoto> upload(Viewer viewer, PhotoDecoding.CleanPhoto photo, String baseUrl) {
        return store(viewer.accountId(), photo.type(), photo.content())
                .map(id -> new UploadedPhoto(String.valueOf(id), baseUrl + urls.path(id)));
    }

    /**
     * The upload decoded, checked and re-encoded without its metadata ({@link PhotoDecoding}), off the event loop and
     * before any transaction starts: decoding is CPU work that must hold neither a Netty thread nor a connection.
     */
    Mono<PhotoDecoding.CleanPhoto> clean(byte[] content) {
        return Mono.fromCallable(() -> PhotoDecoding.clean(checkSize(content))).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Long> store(long owner, PhotoType type, byte[] content) {
        return photos.lockUploads(owner)
                .then(photos.counts(owner))
                .flatMap(counts -> counts.unattached() >= properties.maxUnattached() || counts.lastDay() >= properties.maxPerDay()
                        ? Mono.<Long>error(new LinliException(ErrorCode.TOO_MANY_PHOTOS))
                        : photos.upsert(owner, type, content, sha256(content)))
                .flatMap(id -> timers.schedule(UNUSED_TIMER, id, Instant.now().plus(properties.keepUnattached()))
                        .thenReturn(id));
    }

    private byte[] checkSize(byte[] content) {
        if (content.length == 0) {
            throw LinliException.invalid("file", "请选择要上传的图片");
        }
        if (content.length > properties.maxSize().toBytes()) {
            throw tooLarge();
        }
        return content;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    LinliException tooLarge() {
        return new LinliException(ErrorCode.PAYLOAD_TOO_LARGE,
                "图片不能超过 " + properties.maxSize().toMegabytes() + " MB", Map.of("field", "file"), null);
    }

    /**
     * Marks these photos (ids from {@link #parse}) in use, inside the caller's transaction. Each must be the caller's
     * own upload: someone else's photo, or one deleted because it was never used, fails the whole change with
     * {@code NOT_FOUND} on {@code field}.
     */
    @Transactional
    public Mono<Void> attach(long ownerAccountId, List<Long> ids, String field) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return photos.attach(ownerAccountId, ids).count().flatMap(found -> found == ids.size()
                ? Mono.<Void>empty()
                : Mono.error(new LinliException(ErrorCode.NOT_FOUND, "图片不存在或已过期，请重新上传",
                        Map.of("field", field), null)));
    }

    /** One optional photo (a receipt, a cover, an avatar), as {@link #attach(long, List, String)}. */
    public Mono<Void> attach(long ownerAccountId, @Nullable Long id, String field) {
        return id == null ? Mono.empty() : attach(ownerAccountId, List.of(id), field);
    }

    /**
     * The photo ids a client sent for {@code field}, checked for form, count (at most {@link #MAX_PHOTOS}) and
     * repeats, in the order given; no database access, so a caller checks them before its transaction.
     */
    public static List<Long> parse(@Nullable List<String> rawIds, String field) {
        if (rawIds == null || rawIds.isEmpty()) {
            return List.of();
        }
        if (rawIds.size() > MAX_PHOTOS) {
            throw LinliException.invalid(field, "最多上传 " + MAX_PHOTOS + " 张图片");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String raw : rawIds) {
            if (!ids.add(Ids.parse(raw, field))) {
                throw LinliException.invalid(field, "同一张图片不能重复添加");
            }
        }
        return new ArrayList<>(ids);
    }

    /** Signed URLs for these photos, for the person whose request is being answered. */
    public List<String> urls(List<Long> ids, GraphQLContext context) {
        String baseUrl = PhotoBaseUrl.of(context);
        return ids.stream().map(id -> baseUrl + urls.path(id)).toList();
    }

    public @Nullable String url(@Nullable Long id, GraphQLContext context) {
        return id == null ? null : PhotoBaseUrl.of(context) + urls.path(id);
    }

    /** The photo behind a signed URL; {@code FORBIDDEN} when the signature is wrong or expired. */
    Mono<PhotoRepository.StoredPhoto> signedContent(long id, long expires, String signature) {
        if (!urls.isValid(id, expires, signature)) {
            return Mono.error(new LinliException(ErrorCode.FORBIDDEN, "图片链接无效或已过期"));
        }
        return photos.find(id).switchIfEmpty(Mono.error(() -> LinliException.notFound("图片")));
    }

    /** The cleanup timer (in its transaction): deletes the photo if nothing took it; one uploaded again waits longer. */
    @Transactional
    public Mono<Void> deleteIfUnused(long id) {
        Duration keep = properties.keepUnattached();
        return photos.deleteIfUnattached(id, keep)
                .filter(deleted -> deleted == 0)
                .flatMap(none -> photos.unattachedSince(id))
                .flatMap(since -> timers.schedule(UNUSED_TIMER, id, since.plus(keep).plusSeconds(1)));
    }
}
