package cn.linli.identity;

/** A logged-in session as the client receives it. */
record Session(String accessToken, int expiresIn, String refreshToken, Account account) {

    @Override
    public String toString() {
        return "Session[account=" + account.id() + ", tokens=***]";
    }
}
