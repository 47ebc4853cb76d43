package cn.linli.photo;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PhotoTimers {

    /** An upload nothing referred to within {@code linli.photos.keep-unattached} is deleted. */
    @Bean
    TimerHandler unusedPhotoTimer(PhotoService photos) {
        return TimerHandler.of(PhotoService.UNUSED_TIMER, photos::deleteIfUnused);
    }
}
