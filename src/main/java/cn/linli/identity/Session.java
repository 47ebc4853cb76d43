package cn.linli.identity;

/** A logged-in session as the client receives it (public: the staff console hands one out after a scan login). */
public record Session(String accessToken, int expiresIn, String refreshToken, Account account) {

    @Override
    public String toString() {
        return "Session[account=" + account.id() + ", tokens=***]";
    }
}
