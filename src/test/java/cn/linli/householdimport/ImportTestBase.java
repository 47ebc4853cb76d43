package cn.linli.householdimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.linli.support.IntegrationTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared fixtures of the import tests. Each test imports into a community of its own, so the demo communities'
 * household counts that other tests check stay as they are. The community and its staff appointment are made with
 * SQL here because creating communities and appointing staff belong to another part of issue 12 (the tree API);
 * everything under test goes through HTTP.
 */
abstract class ImportTestBase extends IntegrationTest {

    static final String HEADER = "小区,楼栋,单元,房号,户主姓名,联系电话";

    /** A fresh community of 玉林街道 with one staff member of its own. */
    record Place(long communityId, Login staff) {
    }

    protected Place newCommunity() {
        String name = "导入测试社区" + UUID.randomUUID().toString().substring(0, 8);
        long street = idOf("select id from street where name = '玉林街道'");
        long community = db.sql("insert into community (street_id, name) values (:s, :n) returning id")
                .bind("s", street).bind("n", name).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
        Login staff = login("import-staff-" + UUID.randomUUID());
        db.sql("insert into staff (account_id, community_id, title) values (:a, :c, '社区主任')")
                .bind("a", staff.accountId()).bind("c", community).then().block(Duration.ofSeconds(10));
        return new Place(community, staff);
    }

    protected WebTestClient.ResponseSpec upload(String accessToken, long communityId, byte[] bytes, String fileName) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        WebTestClient.RequestBodySpec request = http().post().uri("/imports/households?communityId=" + communityId);
        if (accessToken != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
        return request.contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange();
    }

    /** Uploads and expects 201; the summary the server answered. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> uploaded(Place place, byte[] bytes) {
        return upload(place.staff().accessToken(), place.communityId(), bytes, "住户.csv")
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    protected String uploadedId(Place place, byte[] bytes) {
        return (String) uploaded(place, bytes).get("id");
    }

    /** Uploads and expects the refusal: status and code. */
    protected void expectRefused(String token, long communityId, byte[] bytes, int status, String code) {
        upload(token, communityId, bytes, "bad.csv").expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo(code);
    }

    protected GraphQlTester.Response report(Login login, String importId, String outcome) {
        return api(login.client(), "HouseholdImport").variable("id", importId).variable("outcome", outcome)
                .variable("first", 100).execute();
    }

    protected GraphQlTester.Response commit(Login login, String importId) {
        return api(login.client(), "CommitHouseholdImport").variable("input", Map.of("importId", importId)).execute();
    }

    /** Every place of the community's tree, counted: estates + buildings + units + households. */
    protected long places(long communityId) {
        return count("select (select count(*) from estate where community_id = " + communityId + ")"
                + " + (select count(*) from building where community_id = " + communityId + ")"
                + " + (select count(*) from unit where community_id = " + communityId + ")"
                + " + (select count(*) from household where community_id = " + communityId + ")");
    }

    protected long households(long communityId) {
        return count("select count(*) from household where community_id = " + communityId);
    }

    protected static byte[] csv(String... lines) {
        return csv(StandardCharsets.UTF_8, lines);
    }

    protected static byte[] csv(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    /** An .xlsx made by the library's writer at test time (no binary files in the repository). */
    protected static byte[] xlsx(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (value.startsWith("formula:")) {
                        sheet.formula(r, c, value.substring("formula:".length()));
                    } else {
                        sheet.value(r, c, value);
                    }
                }
            }
            workbook.finish();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    protected static void assertCounts(Map<String, Object> summary, int rows, int fresh, int there, int invalid) {
        assertThat(summary).containsEntry("rowCount", rows).containsEntry("newCount", fresh)
                .containsEntry("alreadyThereCount", there).containsEntry("invalidCount", invalid);
    }
}
