package cn.linli.photo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import cn.linli.platform.security.JwtProperties;
import cn.linli.platform.timer.Timers;
import cn.linli.order.OrderTestBase;
import cn.linli.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Photo upload (what wx.uploadFile sends), signed links, attaching to orders, quotas and cleanup. */
class PhotoE2ETest extends OrderTestBase {

    @Autowired
    Timers timers;

    @Autowired
    JwtProperties jwt;

    @Autowired
    PhotoProperties properties;

    @Test
    void anUploadedPhotoIsServedBackThroughItsSignedLink() {
        Login resident = resident();
        byte[] png = TestPhotos.png();
        Map<String, Object> body = uploaded(TestPhotos.upload(http(), resident.accessToken(), png));
        String url = (String) body.get("url");
        assertThat(url).startsWith("http://localhost:" + port + "/photos/" + body.get("id") + "?expires=")
                .contains("&signature=");

        EntityExchangeResult<byte[]> served = WebTestClient.bindToServer().build().get().uri(URI.create(url)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("private"))
                .expectBody(byte[].class).returnResult();
        assertThat(TestPhotos.showsSamePicture(served.getResponseBody(), png)).isTrue();
        String etag = served.getResponseHeaders().getETag();
        WebTestClient.bindToServer().build().get().uri(URI.create(url)).header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange().expectStatus().isNotModified();

        // a JPEG too, and the same bytes again (a retried upload) are the same photo
        assertThat(fetch((String) uploaded(TestPhotos.upload(http(), resident.accessToken(), TestPhotos.image("jpg")))
                .get("url"))).isNotEmpty();
        long photos = count("select count(*) from photo");
        assertThat(uploaded(TestPhotos.upload(http(), resident.accessToken(), png)).get("id")).isEqualTo(body.get("id"));
        assertThat(count("select count(*) from photo")).isEqualTo(photos);
    }

    @Test
    void aLinkThatWasChangedGuessedOrHasExpiredShowsNothing() {
        Login resident = resident();
        String id = TestPhotos.uploadedId(http(), resident.accessToken(), TestPhotos.png());
        String otherId = TestPhotos.uploadedId(http(), resident.accessToken(), TestPhotos.png());
        PhotoUrls current = new PhotoUrls(jwt, properties);
        String good = current.path(Long.parseLong(id));
        String signature = good.substring(good.indexOf("&signature=") + "&signature=".length());
        String expires = good.substring(good.indexOf("expires=") + "expires=".length(), good.indexOf('&'));

        expectError(get(good.replace("/photos/" + id, "/photos/" + otherId)), 403, "FORBIDDEN");
        expectError(get(good.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 3600))), 403, "FORBIDDEN");
        expectError(get(good.substring(0, good.length() - 2) + "xx"), 403, "FORBIDDEN");
        expectError(get("/photos/" + id), 403, "FORBIDDEN");
        expectError(get("/photos/" + id + "?expires=" + expires), 403, "FORBIDDEN");
        expectError(get("/photos/abc?expires=" + expires + "&signature=" + signature), 404, "NOT_FOUND");
        // correctly signed, but long expired
        PhotoUrls lastYear = new PhotoUrls(jwt, properties, Clock.fixed(Instant.now().minusSeconds(365L * 24 * 3600),
                ZoneOffset.UTC));
        expectError(get(lastYear.path(Long.parseLong(id))), 403, "FORBIDDEN");
        // correctly signed, for a photo that does not exist
        expectError(get(current.path(999_999_999L)), 404, "NOT_FOUND");
        http().get().uri(good).exchange().expectStatus().isOk();
    }

    @Test
    void badUploadsAreRefusedWithACodeAndStoreNothing() {
        Login resident = resident();
        long before = count("select count(*) from photo");

        expectError(TestPhotos.upload(http(), null, TestPhotos.png()), 401, "UNAUTHENTICATED");
        expectError(TestPhotos.upload(http(), "forged.token.value", TestPhotos.png()), 401, "UNAUTHENTICATED");
        Map<String, Object> notAnImage = expectError(TestPhotos.upload(http(), resident.accessToken(),
                "<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8)), 400, "VALIDATION_FAILED");
        assertThat(message(notAnImage)).contains("JPG、PNG、WebP");
        expectError(TestPhotos.upload(http(), resident.accessToken(), TestPhotos.image("gif")), 400, "VALIDATION_FAILED");
        expectError(TestPhotos.upload(http(), resident.accessToken(), new byte[0]), 400, "VALIDATION_FAILED");

        // one byte over the limit, still starting like a PNG
        byte[] tooLarge = new byte[(int) properties.maxSize().toBytes() + 1];
        System.arraycopy(TestPhotos.png(), 0, tooLarge, 0, 8);
        Map<String, Object> large = expectError(TestPhotos.upload(http(), resident.accessToken(), tooLarge), 413,
                "PAYLOAD_TOO_LARGE");
        assertThat(message(large)).contains("5 MB");

        // not multipart at all, or without the file field
        expectError(http().post().uri("/photos").header(HttpHeaders.AUTHORIZATION, "Bearer " + resident.accessToken())
                .contentType(MediaType.IMAGE_PNG).bodyValue(TestPhotos.png()).exchange(), 400, "VALIDATION_FAILED");
        expectError(http().post().uri("/photos").header(HttpHeaders.AUTHORIZATION, "Bearer " + resident.accessToken())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData("note", "hello"))
                .exchange(), 400, "VALIDATION_FAILED");

        assertThat(count("select count(*) from photo")).isEqualTo(before);
    }

    @Test
    void whatDoesNotDecodeIsRefusedAndWhatIsServedCarriesNoMetadata() {
        Login resident = resident();
        long before = count("select count(*) from photo");
        byte[] jpegThenHtml = ("\u00FF\u00D8\u00FF\u00E0<html><script>alert(1)</script></html>")
                .getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] bad : List.of(PhotoDecodingTest.pngDeclaring(50_000, 50_000), jpegThenHtml)) {
            expectError(TestPhotos.upload(http(), resident.accessToken(), bad), 400, "VALIDATION_FAILED");
        }
        assertThat(count("select count(*) from photo")).isEqualTo(before);

        byte[] withGps = PhotoDecodingTest.jpegWithExif();
        byte[] served = fetch((String) uploaded(TestPhotos.upload(http(), resident.accessToken(), withGps)).get("url"));
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain(PhotoDecodingTest.SECRET);
        assertThat(TestPhotos.showsSamePicture(served, withGps)).isTrue();
    }

    @Test
    void concurrentUploadsStopExactlyAtTheQuota() throws Exception {
        Login someone = login("photo-quota-" + UUID.randomUUID());
        int attempts = properties.maxUnattached() + 10;
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            images.add(TestPhotos.png());
        }
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Integer> statuses;
        try {
            List<CompletableFuture<Integer>> uploads = images.stream()
                    .map(image -> CompletableFuture.supplyAsync(() -> TestPhotos.upload(http(), someone.accessToken(), image)
                            .returnResult(byte[].class).getStatus().value(), pool))
                    .toList();
            statuses = uploads.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
        assertThat(statuses.stream().filter(status -> status == 201).count()).isEqualTo(properties.maxUnattached());
        assertThat(statuses.stream().filter(status -> status == 429).count()).isEqualTo(10);
        assertThat(count("select count(*) from photo where owner_account_id = " + someone.accountId()))
                .isEqualTo(properties.maxUnattached());
        Map<String, Object> refused = expectError(TestPhotos.upload(http(), someone.accessToken(), TestPhotos.png()),
                429, "TOO_MANY_PHOTOS");
        assertThat(message(refused)).contains("图片太多");
    }

    @Test
    void aDaysUploadsAreCappedEvenWhenAllWereUsed() {
        Login someone = login("photo-daily-" + UUID.randomUUID());
        // a day's worth of uploads, all attached to something (so only the daily cap can refuse the next one)
        db.sql("""
                        insert into photo (owner_account_id, content_type, byte_size, sha256, content, attached_at)
                        select :owner, 'image/png', 1, sha256(int4send(i)), '\\x89'::bytea, now()
                          from generate_series(1, :count) i
                        """)
                .bind("owner", someone.accountId()).bind("count", properties.maxPerDay()).then().block();
        expectError(TestPhotos.upload(http(), someone.accessToken(), TestPhotos.png()), 429, "TOO_MANY_PHOTOS");
        assertThat(count("select count(*) from photo where owner_account_id = " + someone.accountId()))
                .isEqualTo(properties.maxPerDay());

        // a day later the cap no longer counts them
        db.sql("update photo set created_at = now() - interval '25 hours' where owner_account_id = :owner")
                .bind("owner", someone.accountId()).then().block();
        TestPhotos.uploadedId(http(), someone.accessToken(), TestPhotos.png());
    }

    @Test
    void onlyYourOwnPhotosCanBeAttachedAndAFailedOrderTakesNone() {
        Login resident = resident();
        Login neighbour = login("demo-resident-2");
        String mine = TestPhotos.uploadedId(http(), resident.accessToken(), TestPhotos.png());
        String theirs = TestPhotos.uploadedId(http(), neighbour.accessToken(), TestPhotos.png());
        long orders = count("select count(*) from service_order");

        GraphQlTester.Response stolen = placeOrder(resident, List.of(mine, theirs));
        stolen.errors().expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))
                && "input.photoIds".equals(e.getExtensions().get("field"))).verify();
        placeOrder(resident, List.of(mine, mine)).errors().expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))
                && "input.photoIds".equals(e.getExtensions().get("field"))).verify();
        placeOrder(resident, List.of("not-a-number")).errors()
                .expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))).verify();
        assertThat(count("select count(*) from service_order")).isEqualTo(orders);
        assertThat(count("select count(*) from photo where attached_at is not null and id in (" + mine + ", " + theirs + ")"))
                .as("a refused order attaches nothing").isZero();

        GraphQlTester.Response placed = placeOrder(resident, List.of(mine));
        placed.errors().verify();
        assertThat(count("select count(*) from photo where attached_at is not null and id = " + mine)).isEqualTo(1);
    }

    @Test
    void photosNothingUsesAreDeletedAfterADayAndUsedOnesStay() {
        Login resident = resident();
        String unused = TestPhotos.uploadedId(http(), resident.accessToken(), TestPhotos.png());
        byte[] retriedBytes = TestPhotos.png();
        String retried = TestPhotos.uploadedId(http(), resident.accessToken(), retriedBytes);
        String used = TestPhotos.uploadedId(http(), resident.accessToken(), TestPhotos.png());
        placeOrder(resident, List.of(used)).errors().verify();

        // a day passes for all three; the retried one is uploaded again just now
        db.sql("update photo set created_at = now() - interval '25 hours' where id in (" + unused + ", " + retried + ", "
                + used + ")").then().block();
        TestPhotos.uploadedId(http(), resident.accessToken(), retriedBytes);
        dueNow(PhotoService.UNUSED_TIMER, Long.parseLong(unused), Long.parseLong(retried), Long.parseLong(used));
        timers.runDue().block();

        assertThat(count("select count(*) from photo where id = " + unused)).as("never used").isZero();
        assertThat(count("select count(*) from photo where id = " + used)).as("attached to an order").isEqualTo(1);
        assertThat(count("select count(*) from photo where id = " + retried)).as("uploaded again").isEqualTo(1);
        assertThat(count("select count(*) from timer where kind = 'PHOTO_UNUSED' and subject_id = " + retried
                + " and due_at > now() + interval '23 hours'")).as("its clean-up waits again").isPositive();
    }

    /** An order in a category of its own (dispatched by hand), so it takes no demo partner's capacity. */
    private GraphQlTester.Response placeOrder(Login resident, List<String> photoIds) {
        Map<String, Object> input = orderInput(newCategory("ASSIGN"));
        input.put("photoIds", photoIds);
        return place(resident, input);
    }

    private WebTestClient.ResponseSpec get(String pathAndQuery) {
        return http().get().uri(pathAndQuery).exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> uploaded(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expectError(WebTestClient.ResponseSpec response, int status, String code) {
        Map<String, Object> body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> error = ((List<Map<String, Object>>) body.get("errors")).get(0);
        assertThat(((Map<String, Object>) error.get("extensions")).get("code")).isEqualTo(code);
        assertThat((String) error.get("message")).as("a Chinese message").matches(".*[\\u4e00-\\u9fa5].*");
        return body;
    }

    @SuppressWarnings("unchecked")
    private static String message(Map<String, Object> body) {
        return (String) ((List<Map<String, Object>>) body.get("errors")).get(0).get("message");
    }
}
