package cn.linli;

import cn.linli.devservices.DevServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The zero-setup development server: {@code ./mvnw spring-boot:test-run}. Starts embedded PostgreSQL and Redis (or
 * containers when Docker is reachable) and the WeChat sandbox, then the real application with the {@code dev}
 * profile: demo data (none with {@code LINLI_DEMO_DATA=false}), GraphiQL. Lives in test scope, so none of it can reach the production jar.
 */
public class DevLinliApplication {

    private static final Logger log = LoggerFactory.getLogger(DevLinliApplication.class);

    public static void main(String[] args) {
        DevServices.start().forEach(System::setProperty);
        if ("false".equalsIgnoreCase(System.getenv("LINLI_DEMO_DATA"))) {
            // an empty database (the migrations only), to bring a community up through the API as a real one would
            System.setProperty("spring.flyway.locations", "classpath:db/migration");
        }
        var context = SpringApplication.from(LinliApplication::main)
                .withAdditionalProfiles("dev")
                .run(args)
                .getApplicationContext();
        if (context instanceof WebServerApplicationContext web) {
            logReady(web);
        }
    }

    static void logReady(WebServerApplicationContext context) {
        int port = context.getWebServer().getPort();
        log.info("""

                ==========================================================
                 Linli is ready (dev profile, demo data, WeChat sandbox)
                   GraphiQL : http://localhost:{}/graphiql
                   GraphQL  : http://localhost:{}/graphql
                   Health   : http://localhost:{}/actuator/health
                   Demo logins (loginWithWeChat code): demo-resident, demo-staff, demo-partner, demo-merchant
                   Pay a pending pledge: curl -X POST "{}/sandbox/pay/LLP<pledge id, 13 digits>?result=SUCCESS"
                ==========================================================""", port, port, port,
                DevServices.weChat().baseUrl());
    }
}
