package cn.linli.ballot;

/** How a household answers a ballot. */
enum PickMode {
    /** exactly one option */
    SINGLE,
    /** yes or no: the fixed options 同意 / 不同意 */
    APPROVE,
    /** one to {@code maxPicks} distinct options */
    PICK_UP_TO_N,
    /** one to {@code maxPicks} distinct options in order of preference */
    RANK
}
