package cn.linli.householdimport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.linli.platform.error.HttpErrorResponses;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /imports/households?communityId=…}: the file as the multipart field {@code file} (as {@code wx.uploadFile}
 * and browsers send it) with the access token; answers {@code 201} with the stored dry run's id and counts; the
 * report and the commit are GraphQL ({@code householdImport}, {@code commitHouseholdImport}).
 * {@code GET /exports/households?communityId=…&format=xlsx|csv}: the same columns as a file. Failures have the
 * GraphQL error shape ({@code errors[0].extensions.code}, Chinese message).
 */
@RestController
class ImportController {

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportUploads uploads;
    private final ImportExports exports;

    ImportController(ImportUploads uploads, ImportExports exports) {
        this.uploads = uploads;
        this.exports = exports;
    }

    @PostMapping("/imports/households")
    Mono<ResponseEntity<Object>> upload(@RequestParam(required = false) @Nullable String communityId,
                                        ServerWebExchange exchange) {
        return Mono.defer(() -> {
                    long community = Ids.parse(communityId, "communityId");
                    return exchange.getMultipartData().flatMap(form -> read(form.getFirst("file")))
                            .switchIfEmpty(Mono.error(() -> ImportErrors.fileInvalid("文件是空的")))
                            // a REST endpoint: the viewer is read here, at the boundary, and handed to the service
                            .flatMap(file -> Viewers.current()
                                    .flatMap(viewer -> uploads.upload(viewer, community, file.name(), file.bytes())));
                })
                .map(saved -> ResponseEntity.status(HttpStatus.CREATED).<Object>body(summary(saved)))
                .onErrorResume(this::failure);
    }

    @GetMapping("/exports/households")
    Mono<ResponseEntity<Object>> export(@RequestParam(required = false) @Nullable String communityId,
                                        @RequestParam(required = false) @Nullable String format) {
        return Mono.defer(() -> {
                    long community = Ids.parse(communityId, "communityId");
                    SheetFormat sheet = format(format);
                    return Viewers.current().flatMap(viewer -> exports.export(viewer, community, sheet))
                            .map(bytes -> file(sheet, bytes));
                })
                .onErrorResume(this::failure);
    }

    private record Upload(@Nullable String name, byte[] bytes) {
    }

    private static Mono<Upload> read(@Nullable Part part) {
        if (part == null) {
            return Mono.error(LinliException.invalid("file", "请以 multipart/form-data 上传文件，字段名为 file"));
        }
        String name = part instanceof FilePart file ? file.filename() : null;
        // one byte over the limit is enough to know it is too large
        return DataBufferUtils.join(part.content(), (int) ImportErrors.MAX_BYTES + 1)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    if (bytes.length > ImportErrors.MAX_BYTES) {
                        throw ImportErrors.tooLarge();
                    }
                    return new Upload(name == null || name.length() > 200 ? null : name, bytes);
                });
    }

    private static Map<String, Object> summary(HouseholdImport saved) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", String.valueOf(saved.id()));
        body.put("status", saved.status().name());
        body.put("format", saved.format().name());
        body.put("rowCount", saved.rowCount());
        body.put("newCount", saved.newCount());
        body.put("alreadyThereCount", saved.alreadyThereCount());
        body.put("invalidCount", saved.invalidCount());
        return body;
    }

    private static SheetFormat format(@Nullable String format) {
        String name = format == null ? "xlsx" : format.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "xlsx" -> SheetFormat.XLSX;
            case "csv" -> SheetFormat.CSV;
            default -> throw LinliException.invalid("format", "导出格式只能是 xlsx 或 csv");
        };
    }

    private static ResponseEntity<Object> file(SheetFormat format, byte[] bytes) {
        String fileName = "households." + format.name().toLowerCase(Locale.ROOT);
        return ResponseEntity.ok()
                .contentType(format == SheetFormat.XLSX ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                // residents' names and phones: no shared or lasting cache may keep them
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }

    private Mono<ResponseEntity<Object>> failure(Throwable ex) {
        LinliException error;
        if (ex instanceof LinliException linli) {
            error = linli;
        } else if (ex instanceof DataBufferLimitException) {
            error = ImportErrors.tooLarge();
        } else if (ex instanceof DecodingException) {
            error = LinliException.invalid("file", "上传内容格式不正确");
        } else {
            error = LinliException.internal(ex);
            log.error("Unexpected import/export failure [correlationId={}]", error.correlationId(), ex);
        }
        return Mono.just(ResponseEntity.status(HttpErrorResponses.status(error.code()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(HttpErrorResponses.body(error)));
    }
}
