package cn.linli.community;

/** 街道. */
public record Street(long id, String name) {
}
