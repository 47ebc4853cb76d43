package cn.linli.photo;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.HttpErrorResponses;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /photos}: one image as the multipart field {@code file} (what {@code wx.uploadFile} sends), with the
 * access token; answers {@code 201 {"id", "url"}}. {@code GET /photos/{id}?expires&signature}: the image behind a
 * signed URL. Failures have the GraphQL error shape ({@code errors[0].extensions.code}, Chinese message).
 */
@RestController
class PhotoController {

    private static final Logger log = LoggerFactory.getLogger(PhotoController.class);

    private final PhotoService photos;
    private final PhotoProperties properties;
    private final PhotoBaseUrl baseUrls;

    PhotoController(PhotoService photos, PhotoProperties properties, PhotoBaseUrl baseUrls) {
        this.photos = photos;
        this.properties = properties;
        this.baseUrls = baseUrls;
    }

    @PostMapping("/photos")
    Mono<ResponseEntity<Object>> upload(ServerWebExchange exchange) {
        String baseUrl = baseUrls.forRequest(exchange.getRequest().getURI());
        return exchange.getMultipartData()
                .flatMap(form -> {
                    Part file = form.getFirst("file");
                    if (file == null) {
                        return Mono.error(LinliException.invalid("file", "请以 multipart/form-data 上传图片，字段名为 file"));
                    }
                    // one byte over the limit is enough to know it is too large
                    return DataBufferUtils.join(file.content(), (int) properties.maxSize().toBytes() + 1);
                })
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .switchIfEmpty(Mono.error(() -> LinliException.invalid("file", "请选择要上传的图片")))
                // a REST endpoint: the viewer is read here, at the boundary, and handed to the service
                .flatMap(bytes -> Viewers.current().flatMap(viewer -> photos.clean(bytes)
                        .flatMap(photo -> photos.upload(viewer, photo, baseUrl))))
                .map(uploaded -> ResponseEntity.status(HttpStatus.CREATED).<Object>body(uploaded))
                .onErrorResume(this::failure);
    }

    @GetMapping("/photos/{id}")
    Mono<ResponseEntity<Object>> photo(@PathVariable String id, @RequestParam(required = false) @Nullable Long expires,
                                       @RequestParam(required = false) @Nullable String signature,
                                       @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                       @Nullable String ifNoneMatch) {
        long photoId;
        try {
            photoId = Long.parseLong(id);
        } catch (NumberFormatException ex) {
            return failure(LinliException.notFound("图片"));
        }
        if (expires == null || signature == null) {
            return failure(new LinliException(ErrorCode.FORBIDDEN, "图片链接无效或已过期"));
        }
        long secondsLeft = Math.max(0, expires - Instant.now().getEpochSecond());
        return photos.signedContent(photoId, expires, signature)
                .map(photo -> {
                    String etag = "\"" + HexFormat.of().formatHex(photo.sha256()) + "\"";
                    // only this viewer's cache, and no longer than the link itself is valid
                    CacheControl cache = CacheControl.maxAge(Duration.ofSeconds(secondsLeft)).cachePrivate();
                    if (etag.equals(ifNoneMatch)) {
                        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
                    }
                    return ResponseEntity.ok()
                            .contentType(MediaType.parseMediaType(photo.contentType()))
                            .eTag(etag)
                            .cacheControl(cache)
                            .header("X-Content-Type-Options", "nosniff")
                            .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                            .<Object>body(photo.content());
                })
                .onErrorResume(this::failure);
    }

    private Mono<ResponseEntity<Object>> failure(Throwable ex) {
        LinliException error;
        if (ex instanceof LinliException linli) {
            error = linli;
        } else if (ex instanceof DataBufferLimitException) {
            error = photos.tooLarge();
        } else if (ex instanceof DecodingException) {
            error = LinliException.invalid("file", "上传内容格式不正确");
        } else {
            error = LinliException.internal(ex);
            log.error("Unexpected photo failure [correlationId={}]", error.correlationId(), ex);
        }
        return Mono.just(ResponseEntity.status(HttpErrorResponses.status(error.code()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(HttpErrorResponses.body(error)));
    }
}
