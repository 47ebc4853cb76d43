package cn.linli.platform.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one cipher of personal data, made from {@link PersonalDataProperties} (a bad key stops the start). */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfig {

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataProperties properties) {
        return new PersonalDataCipher(properties);
    }
}
