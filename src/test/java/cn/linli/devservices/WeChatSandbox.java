package cn.linli.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the WeChat API, so development and tests run the real WxJava client against a far end that
 * answers like WeChat: {@code /cgi-bin/token}, {@code /sns/jscode2session}, {@code /wxa/business/getuserphonenumber}.
 *
 * <p>Any non-empty login code is accepted and maps to a stable openid ({@code o-sandbox-<code>} for simple codes),
 * so a client can log in as anyone; the demo data seeds accounts for the codes {@code demo-resident},
 * {@code demo-staff}, {@code demo-partner}. Special codes: {@code invalid-code} → errcode 40029,
 * {@code busy-code} → errcode -1 (WeChat "system busy"). A phone code {@code phone-13812345678} yields that number;
 * any other yields a stable number derived from the code. {@code /wxa/getwxacodeunlimit} (小程序码) answers a
 * small generated PNG whose pattern is derived from the scene, and remembers the scenes asked for.
 */
public final class WeChatSandbox implements AutoCloseable {

    public static final String APPID = "wx-sandbox-appid";
    public static final String SECRET = "wx-sandbox-secret";

    private static final Pattern SIMPLE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PHONE_CODE = Pattern.compile("phone-(1[0-9]{10})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private final WeChatPaySandbox pay = new WeChatPaySandbox();
    private final java.util.List<Map<String, Object>> subscribeMessages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger failingSends = new AtomicInteger();
    private final Set<String> withoutConsent = ConcurrentHashMap.newKeySet();
    private final java.util.List<Map<String, Object>> wxaCodes = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WeChatSandbox(HttpServer server) {
        this.server = server;
    }

    public static WeChatSandbox start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WeChatSandbox sandbox = new WeChatSandbox(server);
            server.createContext("/", sandbox::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "wechat-sandbox");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return sandbox;
        } catch (IOException ex) {
            throw new IllegalStateException("could not start the WeChat sandbox", ex);
        }
    }

    /** The subscribe messages WeChat would have delivered, in order. */
    public java.util.List<Map<String, Object>> subscribeMessages() {
        return subscribeMessages;
    }

    /** The next {@code count} subscribe-message sends fail with errcode -1 (WeChat busy), as in an outage. */
    public void failNextSends(int count) {
        failingSends.set(count);
    }

    /** WeChat answers 43101 (no consent) for messages to this openid, as when the user withdrew it. */
    public void refuseConsentFor(String openid) {
        withoutConsent.add(openid);
    }

    /** The mini-program codes (小程序码) asked for, in order: their scene, page and the other parameters. */
    public java.util.List<Map<String, Object>> wxaCodes() {
        return wxaCodes;
    }

    /** The WeChat Pay side of the sandbox. */
    public WeChatPaySandbox pay() {
        return pay;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many times an API path was called, for tests that check the client really went through WeChat. */
    public int callCount(String path) {
        AtomicInteger count = calls.get(path);
        return count == null ? 0 : count.get();
    }

    /** The openid the sandbox gives the holder of a login code. */
    public static String openidFor(String code) {
        return SIMPLE_CODE.matcher(code).matches() ? "o-sandbox-" + code : "o-sandbox-" + sha256(code).substring(0, 24);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (path.startsWith("/v3/") || path.startsWith("/sandbox/pay/")) {
            handlePay(exchange, path);
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI());
        if (path.equals("/wxa/getwxacodeunlimit")) {
            wxaCodeUnlimit(exchange, query, body(exchange));
            return;
        }
        Map<String, Object> answer = switch (path) {
            case "/cgi-bin/token" -> token(query);
            case "/sns/jscode2session" -> jscode2session(query);
            case "/wxa/business/getuserphonenumber" -> phoneNumber(query, body(exchange));
            case "/cgi-bin/message/subscribe/send" -> subscribeSend(query, body(exchange));
            default -> error(404, "sandbox: unknown api " + path);
        };
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void handlePay(HttpExchange exchange, String path) throws IOException {
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        Map<String, Object> answer;
        try {
            answer = pay.handle(exchange, path, request);
        } catch (RuntimeException ex) {
            exchange.getResponseHeaders().set("X-Sandbox-Status", "400");
            answer = Map.of("code", "PARAM_ERROR", "message", String.valueOf(ex.getMessage()));
        }
        String statusHeader = exchange.getResponseHeaders().getFirst("X-Sandbox-Status");
        int status = statusHeader == null ? 200 : Integer.parseInt(statusHeader);
        exchange.getResponseHeaders().remove("X-Sandbox-Status");
        byte[] bytes = status == 204 ? new byte[0] : JSON.writeValueAsBytes(answer);
        if (path.startsWith("/v3/")) {
            // like WeChat Pay, every answer (a 204 too) is typed and signed
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            pay.responseHeaders(bytes).forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private Map<String, Object> token(Map<String, String> query) {
        if (!APPID.equals(query.get("appid"))) {
            return error(40013, "invalid appid");
        }
        if (!SECRET.equals(query.get("secret"))) {
            return error(40125, "invalid appsecret");
        }
        String token = "sandbox-access-token-" + tokenCounter.incrementAndGet();
        issuedTokens.add(token);
        return Map.of("access_token", token, "expires_in", 7200);
    }

    private Map<String, Object> jscode2session(Map<String, String> query) {
        if (!APPID.equals(query.get("appid")) || !SECRET.equals(query.get("secret"))) {
            return error(40125, "invalid appsecret");
        }
        String code = query.getOrDefault("js_code", "");
        if (code.isEmpty() || code.equals("invalid-code")) {
            return error(40029, "invalid code");
        }
        if (code.equals("busy-code")) {
            return error(-1, "system error");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("openid", openidFor(code));
        result.put("session_key", sha256("session:" + code).substring(0, 24));
        result.put("unionid", "u-" + openidFor(code));
        return result;
    }

    private Map<String, Object> phoneNumber(Map<String, String> query, Map<String, Object> body) {
        if (!issuedTokens.contains(query.get("access_token"))) {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        String code = String.valueOf(body.getOrDefault("code", ""));
        if (code.isEmpty() || code.equals("invalid-code")) {
            return error(40029, "invalid code");
        }
        var phoneCode = PHONE_CODE.matcher(code);
        String phone = phoneCode.matches() ? phoneCode.group(1) : "138" + digits(sha256("phone:" + code), 8);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("phoneNumber", phone);
        info.put("purePhoneNumber", phone);
        info.put("countryCode", "86");
        info.put("watermark", Map.of("timestamp", System.currentTimeMillis() / 1000, "appid", APPID));
        return Map.of("errcode", 0, "errmsg", "ok", "phone_info", info);
    }

    private Map<String, Object> subscribeSend(Map<String, String> query, Map<String, Object> body) {
        if (!issuedTokens.contains(query.get("access_token"))) {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        if (failingSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(-1, "system error");
        }
        if (withoutConsent.contains(String.valueOf(body.get("touser")))) {
            return error(43101, "user refuse to accept the msg");
        }
        subscribeMessages.add(Map.copyOf(body));
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    /** Like WeChat: the image's bytes on success, a JSON error (typed as JSON) otherwise. */
    private void wxaCodeUnlimit(HttpExchange exchange, Map<String, String> query, Map<String, Object> body) throws IOException {
        String scene = String.valueOf(body.getOrDefault("scene", ""));
        Map<String, Object> failure = !issuedTokens.contains(query.get("access_token"))
                ? error(40001, "invalid credential, access_token is invalid or not latest")
                : scene.isEmpty() || scene.length() > 32 ? error(40169, "invalid length for scene") : null;
        byte[] bytes = failure == null ? codeImage(scene) : JSON.writeValueAsBytes(failure);
        if (failure == null) {
            wxaCodes.add(Map.copyOf(body));
        }
        exchange.getResponseHeaders().set("Content-Type", failure == null ? "image/png" : "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A 21×21 grid of the scene's hash bits, scaled up: unique per scene, obviously not a real code. */
    private static byte[] codeImage(String scene) throws IOException {
        byte[] hash = HexFormat.of().parseHex(sha256(scene));
        int cells = 21;
        int scale = 8;
        var image = new java.awt.image.BufferedImage(cells * scale, cells * scale, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < cells; y++) {
            for (int x = 0; x < cells; x++) {
                int bit = y * cells + x;
                boolean dark = ((hash[(bit / 8) % hash.length] >> (bit % 8)) & 1) == 1;
                int rgb = dark ? 0x222222 : 0xFFFFFF;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(x * scale + dx, y * scale + dy, rgb);
                    }
                }
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Map<String, Object> error(int errcode, String errmsg) {
        return Map.of("errcode", errcode, "errmsg", errmsg);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? Map.of() : JSON.readValue(bytes, Map.class);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> result = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return result;
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String digits(String hex, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; out.length() < count; i++) {
            out.append(Character.digit(hex.charAt(i % hex.length()), 16) % 10);
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
