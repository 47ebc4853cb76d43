// GENERATED from api/*.graphql by `npm run sync-api` -- DO NOT EDIT.
//
// GraphQL 操作登记表：客户端只允许发送这里登记过的文档（操作名 -> 文档全文）。
// Each entry is self-contained: the operation followed by every fragment it
// spreads (transitively, once each). To change the contract edit the server
// repository's api/*.graphql and run `npm run sync-api` in miniprogram-stub/;
// `npm test` fails while this file is out of date.

'use strict';

// Frozen so nothing at runtime can register an ad-hoc document.
module.exports = Object.freeze({
  BindPhoneNumber: `mutation BindPhoneNumber($input: BindPhoneNumberInput!) {
  bindPhoneNumber(input: $input) {
    ...AccountFields
  }
}

fragment AccountFields on Account {
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
}
`,

  Communities: `query Communities($first: Int, $after: String, $streetId: ID) {
  communities(first: $first, after: $after, streetId: $streetId) {
    edges {
      cursor
      node {
        id
        name
        address
        householdCount
        street {
          id
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`,

  CommunityHouseholds: `query CommunityHouseholds($communityId: ID!, $first: Int, $after: String) {
  households(communityId: $communityId, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...HouseholdFields
        unit {
          id
          name
          building {
            id
            name
            estate {
              id
              name
            }
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment HouseholdFields on Household {
  id
  room
  label
  members {
    id
    nickname
    phoneMasked
    isHead
  }
}
`,

  CommunityTree: `query CommunityTree($id: ID!) {
  community(id: $id) {
    id
    name
    address
    householdCount
    street {
      id
      name
    }
    staff {
      id
      nickname
      title
    }
    estates {
      id
      name
      buildings {
        id
        name
        units {
          id
          name
          households {
            ...HouseholdFields
          }
        }
      }
    }
  }
}

fragment HouseholdFields on Household {
  id
  room
  label
  members {
    id
    nickname
    phoneMasked
    isHead
  }
}
`,

  ErrorCodes: `query ErrorCodes {
  errorCodes {
    code
    message
  }
}
`,

  LoginWithWeChat: `mutation LoginWithWeChat($input: LoginWithWeChatInput!) {
  loginWithWeChat(input: $input) {
    accessToken
    refreshToken
    expiresIn
    account {
      ...AccountFields
    }
  }
}

fragment AccountFields on Account {
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
}
`,

  Logout: `mutation Logout($input: LogoutInput!) {
  logout(input: $input) {
    success
  }
}
`,

  Me: `query Me {
  me {
    ...AccountFields
  }
}

fragment AccountFields on Account {
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
}
`,

  RefreshSession: `mutation RefreshSession($input: RefreshSessionInput!) {
  refreshSession(input: $input) {
    accessToken
    refreshToken
    expiresIn
    account {
      ...AccountFields
    }
  }
}

fragment AccountFields on Account {
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
}
`,

  UpdateMyProfile: `mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
  updateMyProfile(input: $input) {
    ...AccountFields
  }
}

fragment AccountFields on Account {
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
}
`
});
