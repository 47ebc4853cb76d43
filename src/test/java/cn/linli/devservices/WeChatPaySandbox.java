package cn.linli.devservices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat Pay v3 side of the sandbox: JSAPI orders, queries and closes (checking the merchant's request signature
 * and signing every answer as WeChat Pay does), and signed, AES-256-GCM-encrypted payment notifications sent to the
 * order's notify_url. Keys are generated at start: nothing secret is committed.
 *
 * <p>In development a pending payment is completed with {@code POST /sandbox/pay/{out_trade_no}?result=SUCCESS}
 * (or {@code CLOSED}) on the sandbox, which sends the notification exactly as WeChat Pay would.
 */
public final class WeChatPaySandbox {

    public static final String MCH_ID = "1900000109";
    public static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000001092026SANDBOX";
    public static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern AUTH = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final SecureRandom random = new SecureRandom();
    private final KeyPair merchant = rsa();
    private final KeyPair platform = rsa();
    private final String apiV3Key = randomText(32);
    private final Map<String, Map<String, Object>> orders = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> refunds = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger failingRefunds = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean silentRefunds;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** Settings the app needs to talk to this sandbox as a merchant. */
    public Map<String, String> merchantSettings(String baseUrl) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("WECHAT_PAY_MCH_ID", MCH_ID);
        settings.put("WECHAT_PAY_API_V3_KEY", apiV3Key);
        settings.put("WECHAT_PAY_PRIVATE_KEY", pem("PRIVATE KEY", merchant.getPrivate().getEncoded()));
        settings.put("WECHAT_PAY_CERT_SERIAL_NO", MERCHANT_SERIAL);
        settings.put("WECHAT_PAY_PUBLIC_KEY", pem("PUBLIC KEY", platform.getPublic().getEncoded()));
        settings.put("WECHAT_PAY_PUBLIC_KEY_ID", PUBLIC_KEY_ID);
        // WxJava signs and verifies only for *.mch.weixin.qq.com, so the sandbox is reached as a proxy for that host
        settings.put("WECHAT_PAY_API_HOST", "http://api.mch.weixin.qq.com");
        settings.put("WECHAT_PAY_HTTP_PROXY", baseUrl.replace("http://", ""));
        return settings;
    }

    /** Serves {@code /v3/...} (the pay API) and {@code /sandbox/pay/...} (completing payments in development). */
    Map<String, Object> handle(HttpExchange exchange, String path, byte[] body) throws IOException {
        if (path.startsWith("/sandbox/pay/")) {
            String outTradeNo = path.substring("/sandbox/pay/".length());
            String query = exchange.getRequestURI().getQuery();
            boolean success = query == null || !query.contains("result=CLOSED");
            int status = complete(outTradeNo, success);
            return Map.of("notified", status);
        }
        if (!merchantSignatureValid(exchange, body)) {
            exchange.getResponseHeaders().set("X-Sandbox-Status", "401");
            return Map.of("code", "SIGN_ERROR", "message", "签名错误");
        }
        if (path.equals("/v3/pay/transactions/jsapi")) {
            Map<String, Object> order = JSON.readValue(body, Map.class);
            String outTradeNo = String.valueOf(order.get("out_trade_no"));
            Map<String, Object> stored = orders.computeIfAbsent(outTradeNo, no -> {
                Map<String, Object> created = new ConcurrentHashMap<>(order);
                created.put("prepay_id", "wx" + System.currentTimeMillis() + random.nextInt(1000));
                created.put("trade_state", "NOTPAY");
                return created;
            });
            return Map.of("prepay_id", stored.get("prepay_id"));
        }
        if (path.equals("/v3/refund/domestic/refunds")) {
            return refund(exchange, JSON.readValue(body, Map.class));
        }
        if (path.startsWith("/v3/refund/domestic/refunds/")) {
            Map<String, Object> refund = refunds.get(path.substring("/v3/refund/domestic/refunds/".length()));
            if (refund == null) {
                exchange.getResponseHeaders().set("X-Sandbox-Status", "404");
                return Map.of("code", "RESOURCE_NOT_EXISTS", "message", "退款单不存在");
            }
            return refundView(refund);
        }
        if (path.startsWith("/v3/pay/transactions/out-trade-no/") && path.endsWith("/close")) {
            String outTradeNo = path.substring("/v3/pay/transactions/out-trade-no/".length(), path.length() - "/close".length());
            Map<String, Object> order = orders.get(outTradeNo);
            if (order != null && "NOTPAY".equals(order.get("trade_state"))) {
                order.put("trade_state", "CLOSED");
            }
            exchange.getResponseHeaders().set("X-Sandbox-Status", "204");
            return Map.of();
        }
        if (path.startsWith("/v3/pay/transactions/out-trade-no/")) {
            String outTradeNo = path.substring("/v3/pay/transactions/out-trade-no/".length());
            Map<String, Object> order = orders.get(outTradeNo);
            if (order == null) {
                exchange.getResponseHeaders().set("X-Sandbox-Status", "404");
                return Map.of("code", "ORDER_NOT_EXIST", "message", "订单不存在");
            }
            return transaction(order);
        }
        exchange.getResponseHeaders().set("X-Sandbox-Status", "404");
        return Map.of("code", "NOT_FOUND", "message", "sandbox: unknown pay api " + path);
    }

    /** The next {@code count} refund requests fail with WeChat Pay's SYSTEM_ERROR (500), as in an outage. */
    public void failNextRefunds(int count) {
        failingRefunds.set(count);
    }

    /** Refunds complete without a notification (the app must find out by querying). */
    public void silentRefunds(boolean silent) {
        silentRefunds = silent;
    }

    /** Refunds created, by out_refund_no (a retried request for the same number does not create another). */
    public Map<String, Map<String, Object>> refunds() {
        return refunds;
    }

    private Map<String, Object> refund(HttpExchange exchange, Map<String, Object> request) {
        if (failingRefunds.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().set("X-Sandbox-Status", "500");
            return Map.of("code", "SYSTEM_ERROR", "message", "系统繁忙，请稍后重试");
        }
        String outTradeNo = String.valueOf(request.get("out_trade_no"));
        Map<String, Object> order = orders.get(outTradeNo);
        Map<String, Object> amount = (Map<String, Object>) request.get("amount");
        if (order == null || !"SUCCESS".equals(order.get("trade_state"))
                || !((Map<String, Object>) order.get("amount")).get("total").equals(amount.get("total"))) {
            exchange.getResponseHeaders().set("X-Sandbox-Status", "400");
            return Map.of("code", "INVALID_REQUEST", "message", "订单状态或金额不符");
        }
        String outRefundNo = String.valueOf(request.get("out_refund_no"));
        Map<String, Object> refund = refunds.computeIfAbsent(outRefundNo, no -> {
            Map<String, Object> created = new ConcurrentHashMap<>(request);
            created.put("refund_id", "50300" + System.currentTimeMillis());
            created.put("transaction_id", order.get("transaction_id"));
            created.put("status", "PROCESSING");
            // like WeChat Pay, the refund completes a moment later and is notified
            Thread notifier = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ex) {
                    return;
                }
                created.put("status", "SUCCESS");
                Object url = created.get("notify_url");
                if (url != null && !silentRefunds) {
                    send(String.valueOf(url), refundNotification(created, platform.getPrivate()));
                }
            }, "sandbox-refund");
            notifier.setDaemon(true);
            notifier.start();
            return created;
        });
        return refundView(refund);
    }

    private Map<String, Object> refundView(Map<String, Object> refund) {
        Map<String, Object> amount = (Map<String, Object>) refund.get("amount");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("refund_id", refund.get("refund_id"));
        view.put("out_refund_no", refund.get("out_refund_no"));
        view.put("transaction_id", refund.get("transaction_id"));
        view.put("out_trade_no", refund.get("out_trade_no"));
        view.put("channel", "ORIGINAL");
        view.put("user_received_account", "支付用户零钱");
        view.put("status", refund.get("status"));
        view.put("create_time", OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString());
        view.put("amount", Map.of("total", amount.get("total"), "refund", amount.get("refund"), "payer_total",
                amount.get("total"), "payer_refund", amount.get("refund"), "currency", "CNY"));
        return view;
    }

    public Notification refundNotification(Map<String, Object> refund, PrivateKey signer) {
        Map<String, Object> amount = (Map<String, Object>) refund.get("amount");
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("mchid", MCH_ID);
        plain.put("out_trade_no", refund.get("out_trade_no"));
        plain.put("transaction_id", refund.get("transaction_id"));
        plain.put("out_refund_no", refund.get("out_refund_no"));
        plain.put("refund_id", refund.get("refund_id"));
        plain.put("refund_status", refund.get("status"));
        plain.put("success_time", OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString());
        plain.put("user_received_account", "支付用户零钱");
        plain.put("amount", Map.of("total", amount.get("total"), "refund", amount.get("refund"),
                "payer_total", amount.get("total"), "payer_refund", amount.get("refund")));
        return encrypted(plain, "refund", "REFUND.SUCCESS", signer, System.currentTimeMillis() / 1000);
    }

    /** Headers WeChat Pay puts on every answer: the platform's signature over timestamp, nonce and body. */
    Map<String, String> responseHeaders(byte[] body) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = randomText(32);
        return Map.of("Wechatpay-Timestamp", timestamp, "Wechatpay-Nonce", nonce, "Wechatpay-Serial", PUBLIC_KEY_ID,
                "Wechatpay-Signature", sign(platform.getPrivate(),
                        timestamp + "\n" + nonce + "\n" + new String(body, StandardCharsets.UTF_8) + "\n"));
    }

    /** Marks the order paid (or closed) and sends the notification to its notify_url; the app's HTTP status. */
    public int complete(String outTradeNo, boolean success) {
        Map<String, Object> order = orders.get(outTradeNo);
        if (order == null) {
            return 404;
        }
        order.put("trade_state", success ? "SUCCESS" : "CLOSED");
        if (success) {
            order.putIfAbsent("transaction_id", "42000" + System.currentTimeMillis());
        }
        Notification notification = notification(transaction(order), platform.getPrivate(),
                System.currentTimeMillis() / 1000);
        return send(String.valueOf(order.get("notify_url")), notification);
    }

    /** The payer paid, but the notification is lost on the way (the app must find out by querying). */
    public void payWithoutNotifying(String outTradeNo) {
        Map<String, Object> order = orders.get(outTradeNo);
        order.put("trade_state", "SUCCESS");
        order.putIfAbsent("transaction_id", "42000" + System.currentTimeMillis());
    }

    /** A signed, encrypted payment notification, as WeChat Pay sends it. Tests forge variants from it. */
    public record Notification(String body, Map<String, String> headers) {
    }

    public Notification notificationFor(String outTradeNo) {
        return notification(transaction(orders.get(outTradeNo)), platform.getPrivate(), System.currentTimeMillis() / 1000);
    }

    public Notification notification(Map<String, Object> transaction, PrivateKey signer, long epochSeconds) {
        return encrypted(transaction, "transaction",
                "SUCCESS".equals(transaction.get("trade_state")) ? "TRANSACTION.SUCCESS" : "TRANSACTION.CLOSED",
                signer, epochSeconds);
    }

    private Notification encrypted(Map<String, Object> content, String originalType, String eventType, PrivateKey signer,
                                   long epochSeconds) {
        try {
            String nonce = randomText(12);
            String plain = JSON.writeValueAsString(content);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(originalType.getBytes(StandardCharsets.UTF_8));
            String ciphertext = Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
            Map<String, Object> resource = Map.of("original_type", originalType, "algorithm", "AEAD_AES_256_GCM",
                    "ciphertext", ciphertext, "associated_data", originalType, "nonce", nonce);
            String body = JSON.writeValueAsString(Map.of("id", UUID.randomUUID().toString(),
                    "create_time", OffsetDateTime.now(ZoneOffset.ofHours(8)).toString(), "resource_type", "encrypt-resource",
                    "event_type", eventType, "summary", "支付成功", "resource", resource));
            String timestamp = String.valueOf(epochSeconds);
            String headerNonce = randomText(32);
            return new Notification(body, Map.of("Wechatpay-Timestamp", timestamp, "Wechatpay-Nonce", headerNonce,
                    "Wechatpay-Serial", PUBLIC_KEY_ID,
                    "Wechatpay-Signature", sign(signer, timestamp + "\n" + headerNonce + "\n" + body + "\n")));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The transaction as WeChat Pay describes it (query answers and notification resources). */
    public Map<String, Object> transaction(Map<String, Object> order) {
        Map<String, Object> amount = (Map<String, Object>) order.get("amount");
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("appid", order.get("appid"));
        transaction.put("mchid", order.get("mchid"));
        transaction.put("out_trade_no", order.get("out_trade_no"));
        transaction.put("transaction_id", order.getOrDefault("transaction_id", ""));
        transaction.put("trade_type", "JSAPI");
        transaction.put("trade_state", order.get("trade_state"));
        transaction.put("trade_state_desc", "SUCCESS".equals(order.get("trade_state")) ? "支付成功" : "未支付");
        transaction.put("bank_type", "OTHERS");
        transaction.put("success_time", OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString());
        transaction.put("payer", order.get("payer"));
        transaction.put("amount", Map.of("total", amount.get("total"), "payer_total", amount.get("total"),
                "currency", "CNY", "payer_currency", "CNY"));
        return transaction;
    }

    public Map<String, Object> order(String outTradeNo) {
        return orders.get(outTradeNo);
    }

    public PrivateKey foreignKey() {
        return rsa().getPrivate();
    }

    public PrivateKey platformKey() {
        return platform.getPrivate();
    }

    public int send(String url, Notification notification) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(notification.body()));
            notification.headers().forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException ex) {
            return -1;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Checks {@code Authorization: WECHATPAY2-SHA256-RSA2048 …} with the merchant's public key, as WeChat Pay does. */
    private boolean merchantSignatureValid(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("WECHATPAY2-SHA256-RSA2048 ")) {
            return false;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = AUTH.matcher(authorization);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        String uri = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String message = exchange.getRequestMethod() + "\n" + uri + "\n" + fields.get("timestamp") + "\n"
                + fields.get("nonce_str") + "\n" + new String(body, StandardCharsets.UTF_8) + "\n";
        boolean valid = MCH_ID.equals(fields.get("mchid")) && verify(merchant.getPublic(), message, fields.get("signature"));
        return valid;
    }

    private static boolean verify(PublicKey key, String message, String signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            return signature != null && verifier.verify(Base64.getDecoder().decode(signature));
        } catch (Exception ex) {
            return false;
        }
    }

    private static String sign(PrivateKey key, String message) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private String randomText(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
