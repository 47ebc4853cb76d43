package cn.linli.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records every SQL statement the application sends, by wrapping the R2DBC connection factory with r2dbc-proxy.
 * Tests use it to show that the statements a query runs depend on its shape, not on how many rows it returns. The
 * metrics gauge that polls in the background is left out.
 */
public class SqlStatementCounter {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    public void reset() {
        statements.clear();
    }

    public int count() {
        return statements.size();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    /**
     * The outbox backlog gauge counts pending notifications in the background every 15 s, whatever a test does: left
     * in, it lands inside a counted request now and then (on a loaded machine, more often) and the count is one off.
     */
    static final String BACKGROUND_GAUGE = "select count(*) from notification_outbox where status = 'PENDING'";
    /** The privacy data access log writes its queue every second in the background (DataAccessLog): the same story. */
    static final String BACKGROUND_ACCESS_LOG = "insert into data_access ";
    /**
     * Whether the caller's session is still open is cached in Redis for a minute (AuthSessions): a request that finds
     * the entry expired, or Redis slow on a loaded machine, asks PostgreSQL once. A statement of the login, not of the
     * query's shape: counted in, it made two identical requests differ by one (CommunityTreeSqlCountTest, 9 vs 10).
     */
    static final String SESSION_CHECK = "select expires_at from auth_session ";

    void record(QueryExecutionInfo execution) {
        for (QueryInfo query : execution.getQueries()) {
            String text = query.getQuery().strip();
            if (!text.equals(BACKGROUND_GAUGE) && !text.startsWith(BACKGROUND_ACCESS_LOG) && !text.startsWith(SESSION_CHECK)) {
                statements.add(query.getQuery());
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static SqlStatementCounter sqlStatementCounter() {
            return new SqlStatementCounter();
        }

        @Bean
        static BeanPostProcessor countingConnectionFactory(org.springframework.beans.factory.ObjectProvider<SqlStatementCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof ConnectionFactory factory) {
                        return ProxyConnectionFactory.builder(factory)
                                .listener(new ProxyExecutionListener() {
                                    @Override
                                    public void afterQuery(QueryExecutionInfo execution) {
                                        counter.getObject().record(execution);
                                    }
                                })
                                .build();
                    }
                    return bean;
                }
            };
        }
    }
}
