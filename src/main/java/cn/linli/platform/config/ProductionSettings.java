package cn.linli.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks every production setting before anything connects anywhere, and reports all problems at once: an operator
 * who forgot three secrets learns all three from one start, not one per attempt after a Redis stack trace. Runs only
 * with the {@code prod} profile, after the configuration files are read (so it sees what the server would use).
 * Refuses missing secrets, development values (the WeChat sandbox, dev-only secrets, GraphiQL, open introspection)
 * and addresses that must be public https.
 */
class ProductionSettings implements EnvironmentPostProcessor, Ordered {

    static final String REAL_WECHAT_HOST = "https://api.weixin.qq.com";
    static final String REAL_WECHAT_PAY_HOST = "https://api.mch.weixin.qq.com";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles("prod")) {
            return;
        }
        List<String> problems = problems(key -> resolved(environment, key));
        if (!problems.isEmpty()) {
            throw new InvalidProductionSettingsException(problems);
        }
    }

    /** A setting whose placeholder names an unset variable ({@code ${DB_PASSWORD}}) counts as missing. */
    private static String resolved(ConfigurableEnvironment environment, String key) {
        try {
            return environment.getProperty(key);
        } catch (IllegalArgumentException unresolvablePlaceholder) {
            return null;
        }
    }

    /** The problems of these settings ({@code key → value or null}), each naming the environment variable to fix. */
    static List<String> problems(java.util.function.Function<String, String> setting) {
        List<String> problems = new ArrayList<>();
        require(problems, setting, "spring.r2dbc.password", "DB_PASSWORD");
        String jwtSecret = value(setting, "linli.jwt.secret");
        if (jwtSecret.isEmpty()) {
            problems.add("LINLI_JWT_SECRET is not set");
        } else if (looksLikeDevelopment(jwtSecret)) {
            problems.add("LINLI_JWT_SECRET is a development value");
        } else if (jwtSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            problems.add("LINLI_JWT_SECRET must be at least 32 bytes long");
        }
        String appid = value(setting, "linli.wechat.appid");
        String secret = value(setting, "linli.wechat.secret");
        if (appid.isEmpty() || secret.isEmpty()) {
            problems.add("WECHAT_APPID and WECHAT_SECRET must be set");
        } else if (looksLikeDevelopment(appid) || looksLikeDevelopment(secret)) {
            problems.add("WECHAT_APPID/WECHAT_SECRET are sandbox values");
        }
        if (!REAL_WECHAT_HOST.equals(valueOr(setting, "linli.wechat.api-host", REAL_WECHAT_HOST))) {
            problems.add("WECHAT_API_HOST must be " + REAL_WECHAT_HOST + " (the sandbox is for development only)");
        }
        if (!REAL_WECHAT_PAY_HOST.equals(valueOr(setting, "linli.wechat.pay.api-host", REAL_WECHAT_PAY_HOST))) {
            problems.add("WECHAT_PAY_API_HOST must be " + REAL_WECHAT_PAY_HOST + " (the sandbox is for development only)");
        }
        if (!value(setting, "linli.wechat.pay.notify-url").startsWith("https://")) {
            problems.add("WECHAT_PAY_NOTIFY_URL must be the public https address of /wechat/pay/notify");
        }
        if (!value(setting, "linli.photos.public-url").startsWith("https://")) {
            problems.add("LINLI_PUBLIC_URL must be the public https address of this server (photo links use it)");
        }
        if (Boolean.parseBoolean(value(setting, "spring.graphql.graphiql.enabled"))) {
            problems.add("GraphiQL must be disabled in production (spring.graphql.graphiql.enabled)");
        }
        if (!"false".equals(value(setting, "spring.graphql.schema.introspection.enabled"))) {
            problems.add("GraphQL introspection must be disabled in production (spring.graphql.schema.introspection.enabled)");
        }
        personalDataKeys(problems, setting);
        return problems;
    }

    /** The personal-data cipher's current key and hash key: set, not the development ones, of the right size. */
    private static void personalDataKeys(List<String> problems, java.util.function.Function<String, String> setting) {
        String current = value(setting, "linli.personal-data.current-key");
        if (current.isEmpty()) {
            problems.add("LINLI_PERSONALDATA_CURRENTKEY is not set");
        } else if (looksLikeDevelopment(current) || current.startsWith("dev")) {
            problems.add("LINLI_PERSONALDATA_CURRENTKEY names a development key");
        } else {
            String variable = "LINLI_PERSONALDATA_KEYS_" + current.toUpperCase(Locale.ROOT).replace('-', '_');
            String key = value(setting, "linli.personal-data.keys." + current);
            if (key.isEmpty()) {
                problems.add(variable + " is not set (the current personal-data key)");
            } else if (!isAes256Key(key)) {
                problems.add(variable + " must be 32 random bytes in Base64 (openssl rand -base64 32)");
            }
        }
        String hashKey = value(setting, "linli.personal-data.hash-key");
        if (hashKey.isEmpty()) {
            problems.add("LINLI_PERSONALDATA_HASHKEY is not set");
        } else if (looksLikeDevelopment(hashKey)) {
            problems.add("LINLI_PERSONALDATA_HASHKEY is a development value");
        } else if (hashKey.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            problems.add("LINLI_PERSONALDATA_HASHKEY must be at least 32 bytes long");
        }
    }

    private static boolean isAes256Key(String base64) {
        try {
            return java.util.Base64.getDecoder().decode(base64).length == 32;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static void require(List<String> problems, java.util.function.Function<String, String> setting, String key,
                                String variable) {
        if (value(setting, key).isEmpty()) {
            problems.add(variable + " is not set");
        }
    }

    private static String value(java.util.function.Function<String, String> setting, String key) {
        return valueOr(setting, key, "");
    }

    private static String valueOr(java.util.function.Function<String, String> setting, String key, String fallback) {
        String value = setting.apply(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static boolean looksLikeDevelopment(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("sandbox") || lower.contains("dev-only") || lower.contains("changeme")
                || lower.contains("demo");
    }

    /** After the configuration files are read (ConfigData runs at HIGHEST_PRECEDENCE + 10). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
