package cn.linli.privacy;

import java.nio.charset.StandardCharsets;

import cn.linli.platform.error.HttpErrorResponses;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /exports/my-data.json} and {@code GET /exports/my-data.xlsx} with the access token: everything Linli
 * holds about the caller as a download (the same as the {@code myPersonalData} query). Failures have the GraphQL error
 * shape.
 */
@RestController
class ExportController {

    private static final Logger log = LoggerFactory.getLogger(ExportController.class);
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PersonalDataExport export;

    ExportController(PersonalDataExport export) {
        this.export = export;
    }

    @GetMapping("/exports/my-data.json")
    Mono<ResponseEntity<Object>> json() {
        // a REST endpoint: the viewer is read here, at the boundary, and handed to the service
        return Viewers.current().flatMap(export::of)
                .map(data -> download(MediaType.APPLICATION_JSON, "my-data.json", data))
                .onErrorResume(this::failure);
    }

    @GetMapping("/exports/my-data.xlsx")
    Mono<ResponseEntity<Object>> xlsx() {
        return Viewers.current().flatMap(export::of).flatMap(export::xlsx)
                .map(bytes -> download(XLSX, "my-data.xlsx", bytes))
                .onErrorResume(this::failure);
    }

    private static ResponseEntity<Object> download(MediaType type, String fileName, Object body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                // a person's whole record: no shared or lasting cache may keep it
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    private Mono<ResponseEntity<Object>> failure(Throwable ex) {
        LinliException error = ex instanceof LinliException linli ? linli : LinliException.internal(ex);
        if (!(ex instanceof LinliException)) {
            log.error("Unexpected export failure [correlationId={}]", error.correlationId(), ex);
        }
        return Mono.just(ResponseEntity.status(HttpErrorResponses.status(error.code()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(HttpErrorResponses.body(error)));
    }
}
