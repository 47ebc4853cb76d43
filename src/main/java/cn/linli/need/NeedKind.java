package cn.linli.need;

/** The five kinds of 五事分流 (schema {@code NeedKind}). */
public enum NeedKind {
    MAJOR("大事"),
    PRACTICAL("实事"),
    IMPORTANT("要事"),
    URGENT("急事"),
    DIFFICULT("难事");

    private final String displayName;

    NeedKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** 大事 and 难事 go to the joint meeting (联席会议). */
    boolean forMeeting() {
        return this == MAJOR || this == DIFFICULT;
    }
}
