package cn.linli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Linli server: a reactive GraphQL backend for the 邻里 WeChat mini-program. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LinliApplication {

    public static void main(String[] args) {
        SpringApplication.run(LinliApplication.class, args);
    }
}
