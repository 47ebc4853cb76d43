package cn.linli.platform.error;

import java.nio.charset.StandardCharsets;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Whatever goes wrong before GraphQL runs, a client reads {@code errors[0].extensions.code} and a Chinese message, as
 * for resolver errors: never Spring's default body, an empty 200, or a 401 for a path that does not exist.
 */
class HttpErrorShapesE2ETest extends IntegrationTest {

    @Test
    void malformedJsonAndInvalidUtf8AreValidationErrors() {
        expect(post("{\"query\": \"{ me { id } }".getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        byte[] invalidUtf8 = {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        expect(post(invalidUtf8), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void anEmptyOrNullBodyIsAValidationErrorNotAnEmptyOk() {
        expect(post(new byte[0]), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        expect(post("null".getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void unknownPathsAreNotFoundForAnonymousAndSignedInCallers() {
        expect(http().get().uri("/no-such-path").exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND");
        expect(http().get().uri("/actuator/env").exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND");
        expect(http().get().uri("/no-such-path").header("Authorization", "Bearer " + resident().accessToken()).exchange(),
                HttpStatus.NOT_FOUND, "NOT_FOUND");
        http().get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec post(byte[] body) {
        return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static void expect(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo(code)
                .jsonPath("$.errors[0].message").value(message -> org.assertj.core.api.Assertions.assertThat((String) message)
                        .matches(".*\\p{IsHan}.*"));
    }
}
