package cn.linli.platform.db;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Declarative transactions ({@code @Transactional} on reactive service methods, R2DBC transaction manager) and
 * declarative retries ({@code @Retryable} with {@link TransactionConflicts}); the retry advice wraps the transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@EnableResilientMethods
class DatabaseConfig {
}
