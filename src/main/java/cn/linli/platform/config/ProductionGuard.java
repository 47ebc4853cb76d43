package cn.linli.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the {@code prod} profile with development settings: a development JWT secret, a WeChat host
 * other than WeChat's own (the sandbox), sandbox credentials, or GraphiQL. Missing secrets already fail binding.
 */
@Component
@Profile("prod")
class ProductionGuard implements InitializingBean {

    static final String REAL_WECHAT_HOST = "https://api.weixin.qq.com";

    private final Environment environment;

    ProductionGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        String jwtSecret = environment.getProperty("linli.jwt.secret", "");
        if (looksLikeDevelopment(jwtSecret)) {
            problems.add("LINLI_JWT_SECRET is a development value");
        }
        if (!REAL_WECHAT_HOST.equals(environment.getProperty("linli.wechat.api-host", REAL_WECHAT_HOST))) {
            problems.add("WECHAT_API_HOST must be " + REAL_WECHAT_HOST + " (the sandbox is for development only)");
        }
        if (looksLikeDevelopment(environment.getProperty("linli.wechat.appid", ""))
                || looksLikeDevelopment(environment.getProperty("linli.wechat.secret", ""))) {
            problems.add("WECHAT_APPID/WECHAT_SECRET are sandbox values");
        }
        if (!"https://api.mch.weixin.qq.com".equals(environment.getProperty("linli.wechat.pay.api-host",
                "https://api.mch.weixin.qq.com"))) {
            problems.add("WECHAT_PAY_API_HOST must be https://api.mch.weixin.qq.com (the sandbox is for development only)");
        }
        if (!environment.getProperty("linli.wechat.pay.notify-url", "").startsWith("https://")) {
            problems.add("WECHAT_PAY_NOTIFY_URL must be the public https address of /wechat/pay/notify");
        }
        if (!environment.getProperty("linli.photos.public-url", "").startsWith("https://")) {
            problems.add("LINLI_PUBLIC_URL must be the public https address of this server (photo links use it)");
        }
        if (environment.getProperty("spring.graphql.graphiql.enabled", Boolean.class, false)) {
            problems.add("GraphiQL must be disabled in production");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start the prod profile: " + String.join("; ", problems));
        }
    }

    private static boolean looksLikeDevelopment(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("sandbox") || lower.contains("dev-only") || lower.contains("changeme")
                || lower.contains("demo");
    }
}
