package cn.linli.community;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** 街道. */
public record Street(long id, String name, @Nullable Instant retiredAt) implements Place {
}
