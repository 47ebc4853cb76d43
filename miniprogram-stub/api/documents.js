// GraphQL 操作登记表：客户端只允许发送这里登记过的文档（操作名 -> 文档全文）。
//
// These documents mirror the canonical api/*.graphql files of the server
// repository. Keep them in sync when the contract changes; a server-side test
// compares the two copies. Each entry carries every fragment it spreads so the
// text is self-contained and can be sent as-is.

const ACCOUNT_FIELDS = `fragment AccountFields on Account {
  id
  nickname
  phoneMasked
  roles
  staffCommunity {
    id
    name
  }
  households {
    id
    label
    community {
      id
      name
    }
  }
}`;

const LoginWithWeChat = `mutation LoginWithWeChat($input: LoginWithWeChatInput!) {
  loginWithWeChat(input: $input) {
    accessToken
    refreshToken
    expiresIn
    account {
      ...AccountFields
    }
  }
}

${ACCOUNT_FIELDS}
`;

const RefreshSession = `mutation RefreshSession($input: RefreshSessionInput!) {
  refreshSession(input: $input) {
    accessToken
    refreshToken
    expiresIn
    account {
      ...AccountFields
    }
  }
}

${ACCOUNT_FIELDS}
`;

const Logout = `mutation Logout($input: LogoutInput!) {
  logout(input: $input) {
    success
  }
}
`;

const BindPhoneNumber = `mutation BindPhoneNumber($input: BindPhoneNumberInput!) {
  bindPhoneNumber(input: $input) {
    ...AccountFields
  }
}

${ACCOUNT_FIELDS}
`;

const Me = `query Me {
  me {
    ...AccountFields
  }
}

${ACCOUNT_FIELDS}
`;

// Frozen so nothing at runtime can register an ad-hoc document.
module.exports = Object.freeze({
  LoginWithWeChat,
  RefreshSession,
  Logout,
  BindPhoneNumber,
  Me
});
