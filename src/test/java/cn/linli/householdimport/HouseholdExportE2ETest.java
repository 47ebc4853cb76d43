package cn.linli.householdimport;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The export writes the import's format: re-importing it finds every row already there. */
class HouseholdExportE2ETest extends ImportTestBase {

    private static final byte[] SAMPLE = csv(HEADER,
            "翠竹苑,1栋,1单元,101,王秀英,13900001001",
            "翠竹苑,1栋,1单元,102,,",
            "银杏小区,A座,1单元,B-101,李建国,028-85551201",
            "银杏小区,A座,1单元,-101,,");

    @Test
    void anExportedFileReimportsAsAllAlreadyThere() {
        Place place = newCommunity();
        commit(place.staff(), uploadedId(place, SAMPLE)).errors().verify();
        long before = places(place.communityId());

        for (String format : List.of("csv", "xlsx")) {
            byte[] file = export(place.staff().accessToken(), place.communityId(), format)
                    .expectStatus().isOk()
                    .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value).contains("attachment"))
                    .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                    .expectBody(byte[].class).returnResult().getResponseBody();
            assertCounts(uploaded(place, file), 4, 0, 4, 0);
        }
        assertThat(places(place.communityId())).isEqualTo(before);
    }

    @Test
    void csvHasAByteOrderMarkAndFormulaLikeNamesAreNeutralised() {
        Place place = newCommunity();
        commit(place.staff(), uploadedId(place, SAMPLE)).errors().verify();
        // a name that could only come from elsewhere (the import refuses it): the export must not hand it to Excel as is
        db.sql("update estate set name = '=HYPERLINK(\"http://x\")' where community_id = :c and name = '翠竹苑'")
                .bind("c", place.communityId()).then().block();
        byte[] file = export(place.staff().accessToken(), place.communityId(), "csv").expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).contains("小区,楼栋,单元,房号,户主姓名,联系电话")
                .contains("\"'=HYPERLINK(\"\"http://x\"\")\"")
                .contains("银杏小区,A座,1单元,-101,,")
                .contains("王秀英,13900001001");
    }

    @Test
    void onlyStaffOfTheCommunityAndAdminsMayExport() {
        Place place = newCommunity();
        export(null, place.communityId(), "csv").expectStatus().isUnauthorized();
        for (Login other : List.of(resident(), staff(), login("demo-staff-fangcao"), partner())) {
            export(other.accessToken(), place.communityId(), "xlsx").expectStatus().isForbidden()
                    .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN");
        }
        export(admin().accessToken(), place.communityId(), "csv").expectStatus().isOk();
        export(place.staff().accessToken(), place.communityId(), "pdf").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("VALIDATION_FAILED");
    }

    private WebTestClient.ResponseSpec export(String token, long communityId, String format) {
        WebTestClient.RequestHeadersSpec<?> request = http().get()
                .uri("/exports/households?communityId=" + communityId + "&format=" + format);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.exchange();
    }
}
