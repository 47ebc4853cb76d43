package cn.linli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import cn.linli.support.ApiDocuments;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Sends the api/ documents to one GraphQL endpoint, as the mini-program does. */
final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    Client(String url) {
        this.url = url;
    }

    String url() {
        return url;
    }

    String login(String code) {
        Map<?, ?> body = run(null, "LoginWithWeChat", Map.of("input", Map.of("code", code)));
        return (String) ((Map<?, ?>) ((Map<?, ?>) body.get("data")).get("loginWithWeChat")).get("accessToken");
    }

    Map<?, ?> run(@Nullable String token, String operation, Map<String, Object> variables) {
        return post(token, Map.of("query", ApiDocuments.load(operation), "operationName", operation,
                "variables", variables));
    }

    Map<?, ?> post(@Nullable String token, Map<String, Object> payload) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readValue(response.body(), Map.class);
        } catch (Exception ex) {
            throw new IllegalStateException("request to " + url + " failed", ex);
        }
    }
}
