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
  AcceptOrder: `mutation AcceptOrder($input: AcceptOrderInput!) {
  acceptOrder(input: $input) {
    ...OrderFields
    ...TimelineFields
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}

fragment TimelineFields on Order {
  timeline {
    id
    at
    actorKind
    actor {
      id
      nickname
    }
    from
    to
    partner {
      id
      name
    }
    reason
  }
}
`,

  AcceptPartnerInvitation: `mutation AcceptPartnerInvitation($input: AcceptPartnerInvitationInput!) {
  acceptPartnerInvitation(input: $input) {
    ...PartnerFields
  }
}

fragment PartnerFields on Partner {
  id
  name
  kind
  description
  online
  capacity
  activeOrders
  categories {
    code
    name
  }
  contracts {
    id
    validFrom
    validTo
    community {
      id
      name
    }
  }
  members {
    id
    nickname
    role
  }
  timeBankPoints
  scorecard {
    completedOrders
    averageQuality
    averagePunctuality
    averageAttitude
    onTimeRate
  }
}
`,

  AcceptPrivacyPolicy: `mutation AcceptPrivacyPolicy($input: AcceptPrivacyPolicyInput!) {
  acceptPrivacyPolicy(input: $input) {
    version
    acceptedAt
  }
}
`,

  AddNeedToAgenda: `mutation AddNeedToAgenda($input: AddNeedToAgendaInput!) {
  addNeedToAgenda(input: $input) {
    ...NeedFields
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  AddPartnerMember: `mutation AddPartnerMember($input: AddPartnerMemberInput!) {
  addPartnerMember(input: $input) {
    ...PartnerFields
  }
}

fragment PartnerFields on Partner {
  id
  name
  kind
  description
  online
  capacity
  activeOrders
  categories {
    code
    name
  }
  contracts {
    id
    validFrom
    validTo
    community {
      id
      name
    }
  }
  members {
    id
    nickname
    role
  }
  timeBankPoints
  scorecard {
    completedOrders
    averageQuality
    averagePunctuality
    averageAttitude
    onTimeRate
  }
}
`,

  AddProjectMilestone: `mutation AddProjectMilestone($input: AddProjectMilestoneInput!) {
  addProjectMilestone(input: $input) {
    ...ProjectFields
  }
}

fragment ProjectFields on Project {
  id
  title
  goal
  budgetFen
  status
  statusName
  signOffCount
  satisfactionBallotId
  startedAt
  submittedAt
  completedAt
  cancelledAt
  createdAt
  updatedAt
  community {
    id
    name
  }
  needs {
    id
    description
    kindName
    status
    statusName
    placeName
    supporterCount
  }
  resources {
    ...ProjectResourceFields
  }
  milestones {
    id
    position
    title
    dueOn
    done
    doneAt
    note
    photoUrls
  }
  signOffs {
    accountId
    nickname
    note
    createdAt
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  ApplyAsPartner: `mutation ApplyAsPartner($input: ApplyAsPartnerInput!) {
  applyAsPartner(input: $input) {
    ...PartnerApplicationFields
  }
}

fragment PartnerApplicationFields on PartnerApplication {
  id
  kind
  name
  description
  categories {
    code
    name
  }
  contactName
  contactPhone
  licencePhotoUrls
  communities {
    community {
      id
      name
    }
    status
    reason
    decidedAt
    validFrom
    validTo
    capacity
  }
  partner {
    id
    name
  }
  createdAt
}
`,

  AppointStaff: `mutation AppointStaff($input: AppointStaffInput!) {
  appointStaff(input: $input) {
    ...StaffMemberFields
  }
}

fragment StaffMemberFields on StaffMember {
  id
  nickname
  title
  grid {
    id
    name
  }
}
`,

  AppointStreetStaff: `mutation AppointStreetStaff($input: AppointStreetStaffInput!) {
  appointStreetStaff(input: $input) {
    id
    nickname
    title
    street {
      id
      name
    }
  }
}
`,

  AppointSupervisionMember: `mutation AppointSupervisionMember($input: SupervisionMemberInput!) {
  appointSupervisionMember(input: $input) {
    ...SupervisionCommitteeFields
  }
}

fragment SupervisionCommitteeFields on SupervisionCommittee {
  communityId
  members {
    accountId
    nickname
    appointedAt
  }
  minSignOffs
  majority
  requiredSignOffs
}
`,

  ApproveExpense: `mutation ApproveExpense($input: ExpenseIdInput!) {
  approveExpense(input: $input) {
    ...ExpenseFields
  }
}

fragment ExpenseFields on CampaignExpense {
  id
  category
  amountFen
  receiptUrl
  note
  status
  createdAt
}
`,

  ApprovePartnerApplication: `mutation ApprovePartnerApplication($input: ApprovePartnerApplicationInput!) {
  approvePartnerApplication(input: $input) {
    ...PartnerApplicationFields
  }
}

fragment PartnerApplicationFields on PartnerApplication {
  id
  kind
  name
  description
  categories {
    code
    name
  }
  contactName
  contactPhone
  licencePhotoUrls
  communities {
    community {
      id
      name
    }
    status
    reason
    decidedAt
    validFrom
    validTo
    capacity
  }
  partner {
    id
    name
  }
  createdAt
}
`,

  ApproveVerificationRequest: `mutation ApproveVerificationRequest($input: VerificationRequestIdInput!) {
  approveVerificationRequest(input: $input) {
    ...VerificationRequestFields
  }
}

fragment VerificationRequestFields on VerificationRequest {
  id
  relation
  status
  realName
  applicantId
  applicantNickname
  applicantPhone
  phoneMatchesRegisteredHead
  proofPhotoUrl
  rejectionReason
  decidedAt
  createdAt
  household {
    id
    label
    community {
      id
      name
    }
  }
}
`,

  AuditLog: `query AuditLog($communityId: ID, $subject: AuditSubject, $subjectId: ID, $first: Int, $after: String) {
  auditLog(communityId: $communityId, subject: $subject, subjectId: $subjectId, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        createdAt
        actorId
        actorNickname
        subject
        subjectId
        action
        before
        after
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`,

  Ballot: `query Ballot($id: ID!) {
  ballot(id: $id) {
    ...BallotFields
    results {
      ...BallotResultsFields
    }
  }
}

fragment BallotFields on Ballot {
  id
  communityId
  kind
  pickMode
  maxPicks
  title
  description
  subjectKind
  subjectId
  status
  opensAt
  closesAt
  remindHoursBefore
  minTurnoutPercent
  majorityPercent
  openedAt
  closedAt
  createdAt
  options {
    id
    position
    label
    subjectId
  }
  myHouseholds {
    householdId
    householdLabel
    canVote
    voted
    vote {
      ...HouseholdBallotVoteFields
    }
  }
}

fragment HouseholdBallotVoteFields on HouseholdBallotVote {
  ballotId
  householdId
  optionIds
  comment
  version
  updatedAt
}

fragment BallotResultsFields on BallotResults {
  ballotId
  status
  eligibleHouseholds
  votedHouseholds
  turnoutPercent
  turnoutMet
  majorityMet
  passed
  leading {
    option {
      id
      label
    }
    votes
    points
  }
  options {
    option {
      id
      position
      label
    }
    votes
    points
    sharePercent
  }
  estates {
    estateId
    estateName
    eligibleHouseholds
    votedHouseholds
    turnoutPercent
  }
}
`,

  BallotResults: `query BallotResults($ballotId: ID!) {
  ballotResults(ballotId: $ballotId) {
    ...BallotResultsFields
  }
}

fragment BallotResultsFields on BallotResults {
  ballotId
  status
  eligibleHouseholds
  votedHouseholds
  turnoutPercent
  turnoutMet
  majorityMet
  passed
  leading {
    option {
      id
      label
    }
    votes
    points
  }
  options {
    option {
      id
      position
      label
    }
    votes
    points
    sharePercent
  }
  estates {
    estateId
    estateName
    eligibleHouseholds
    votedHouseholds
    turnoutPercent
  }
}
`,

  BallotResultsUpdates: `subscription BallotResultsUpdates($ballotId: ID!) {
  ballotResults(ballotId: $ballotId) {
    ...BallotResultsFields
  }
}

fragment BallotResultsFields on BallotResults {
  ballotId
  status
  eligibleHouseholds
  votedHouseholds
  turnoutPercent
  turnoutMet
  majorityMet
  passed
  leading {
    option {
      id
      label
    }
    votes
    points
  }
  options {
    option {
      id
      position
      label
    }
    votes
    points
    sharePercent
  }
  estates {
    estateId
    estateName
    eligibleHouseholds
    votedHouseholds
    turnoutPercent
  }
}
`,

  BallotRule: `query BallotRule($communityId: ID!) {
  ballotRule(communityId: $communityId) {
    communityId
    minTurnoutPercent
    majorityPercent
    communityOwn
  }
}
`,

  Ballots: `query Ballots($communityId: ID!, $status: [BallotStatus!], $first: Int, $after: String) {
  ballots(communityId: $communityId, status: $status, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        kind
        pickMode
        title
        status
        opensAt
        closesAt
        myHouseholds {
          householdId
          canVote
          voted
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

  BindPhoneNumber: `mutation BindPhoneNumber($input: BindPhoneNumberInput!) {
  bindPhoneNumber(input: $input) {
    ...AccountFields
  }
}

fragment AccountFields on Account {
  id
  nickname
  avatarUrl
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

  Campaign: `query Campaign($id: ID!) {
  campaign(id: $id) {
    ...CampaignFields
    community {
      id
      name
    }
  }
}

fragment CampaignFields on Campaign {
  id
  theme
  festivalDate
  mainVenue
  branchVenues
  description
  coverImageUrl
  deadline
  moneyGoalFen
  fundingRule
  matchingSponsor
  matchingCapFen
  status
  progress {
    moneyRaisedFen
    matchedFen
    totalFen
    moneyGoalFen
    supporters
    items {
      id
      name
      unit
      quantityNeeded
      quantityPledged
      quantityReceived
    }
    volunteers {
      id
      name
      count
      signedUp
      pointsReward
    }
    byContributorKind {
      contributorKind
      moneyFen
      pledges
    }
    supportersWall {
      name
      kind
      contributorKind
      amountFen
      what
      message
      at
    }
  }
}
`,

  CampaignLedger: `query CampaignLedger($campaignId: ID!) {
  campaignLedger(campaignId: $campaignId) {
    incomeFen
    expensesFen
    pendingExpensesFen
    balanceFen
    income {
      source
      contributorKind
      amountFen
      at
    }
    expenses {
      id
      category
      amountFen
      receiptUrl
      note
      status
      createdAt
    }
  }
}
`,

  CampaignPledgesToConfirm: `query CampaignPledgesToConfirm($campaignId: ID!, $first: Int, $after: String) {
  campaignPledgesToConfirm(campaignId: $campaignId, first: $first, after: $after) {
    edges {
      cursor
      node {
        supporterName
        pledge {
          ...PledgeFields
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment PledgeFields on Pledge {
  id
  kind
  contributorKind
  anonymous
  message
  amountFen
  needId
  quantity
  roleId
  status
  createdAt
}
`,

  CampaignProgressUpdates: `subscription CampaignProgressUpdates($campaignId: ID!) {
  campaignProgress(campaignId: $campaignId) {
    moneyRaisedFen
    matchedFen
    totalFen
    moneyGoalFen
    supporters
  }
}
`,

  Campaigns: `query Campaigns($communityId: ID!, $first: Int, $after: String) {
  campaigns(communityId: $communityId, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...CampaignFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment CampaignFields on Campaign {
  id
  theme
  festivalDate
  mainVenue
  branchVenues
  description
  coverImageUrl
  deadline
  moneyGoalFen
  fundingRule
  matchingSponsor
  matchingCapFen
  status
  progress {
    moneyRaisedFen
    matchedFen
    totalFen
    moneyGoalFen
    supporters
    items {
      id
      name
      unit
      quantityNeeded
      quantityPledged
      quantityReceived
    }
    volunteers {
      id
      name
      count
      signedUp
      pointsReward
    }
    byContributorKind {
      contributorKind
      moneyFen
      pledges
    }
    supportersWall {
      name
      kind
      contributorKind
      amountFen
      what
      message
      at
    }
  }
}
`,

  CancelAccountDeletion: `mutation CancelAccountDeletion($input: CancelAccountDeletionInput!) {
  cancelAccountDeletion(input: $input) {
    ...AccountDeletionFields
  }
}

fragment AccountDeletionFields on AccountDeletion {
  id
  status
  requestedAt
  dueAt
  cancelledAt
}
`,

  CancelBallot: `mutation CancelBallot($input: BallotIdInput!) {
  cancelBallot(input: $input) {
    id
    status
    openedAt
    closedAt
  }
}
`,

  CancelOrder: `mutation CancelOrder($input: CancelOrderInput!) {
  cancelOrder(input: $input) {
    ...OrderFields
    ...TimelineFields
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}

fragment TimelineFields on Order {
  timeline {
    id
    at
    actorKind
    actor {
      id
      nickname
    }
    from
    to
    partner {
      id
      name
    }
    reason
  }
}
`,

  CancelProject: `mutation CancelProject($input: CancelProjectInput!) {
  cancelProject(input: $input) {
    ...ProjectFields
  }
}

fragment ProjectFields on Project {
  id
  title
  goal
  budgetFen
  status
  statusName
  signOffCount
  satisfactionBallotId
  startedAt
  submittedAt
  completedAt
  cancelledAt
  createdAt
  updatedAt
  community {
    id
    name
  }
  needs {
    id
    description
    kindName
    status
    statusName
    placeName
    supporterCount
  }
  resources {
    ...ProjectResourceFields
  }
  milestones {
    id
    position
    title
    dueOn
    done
    doneAt
    note
    photoUrls
  }
  signOffs {
    accountId
    nickname
    note
    createdAt
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  CancelVoucher: `mutation CancelVoucher($input: CancelVoucherInput!) {
  cancelVoucher(input: $input) {
    ...VoucherFields
  }
}

fragment VoucherFields on Voucher {
  id
  code
  status
  pointsPaid
  expiresAt
  usedAt
  reward {
    id
    title
    kind
    supplier {
      id
      name
    }
  }
}
`,

  CastBallotVote: `mutation CastBallotVote($input: CastBallotVoteInput!) {
  castBallotVote(input: $input) {
    ...HouseholdBallotVoteFields
  }
}

fragment HouseholdBallotVoteFields on HouseholdBallotVote {
  ballotId
  householdId
  optionIds
  comment
  version
  updatedAt
}
`,

  CloseBallot: `mutation CloseBallot($input: BallotIdInput!) {
  closeBallot(input: $input) {
    id
    status
    openedAt
    closedAt
  }
}
`,

  CloseCampaign: `mutation CloseCampaign($input: CampaignIdInput!) {
  closeCampaign(input: $input) {
    ...CampaignFields
  }
}

fragment CampaignFields on Campaign {
  id
  theme
  festivalDate
  mainVenue
  branchVenues
  description
  coverImageUrl
  deadline
  moneyGoalFen
  fundingRule
  matchingSponsor
  matchingCapFen
  status
  progress {
    moneyRaisedFen
    matchedFen
    totalFen
    moneyGoalFen
    supporters
    items {
      id
      name
      unit
      quantityNeeded
      quantityPledged
      quantityReceived
    }
    volunteers {
      id
      name
      count
      signedUp
      pointsReward
    }
    byContributorKind {
      contributorKind
      moneyFen
      pledges
    }
    supportersWall {
      name
      kind
      contributorKind
      amountFen
      what
      message
      at
    }
  }
}
`,

  CommitHouseholdImport: `mutation CommitHouseholdImport($input: CommitHouseholdImportInput!) {
  commitHouseholdImport(input: $input) {
    ...HouseholdImportFields
  }
}

fragment HouseholdImportFields on HouseholdImport {
  id
  community {
    id
    name
  }
  fileName
  format
  status
  rowCount
  newCount
  alreadyThereCount
  invalidCount
  createdAt
  committedAt
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

  CommunityNeeds: `query CommunityNeeds($communityId: ID!, $filter: NeedFilter, $first: Int, $after: String) {
  communityNeeds(communityId: $communityId, filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...NeedFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  CommunityResources: `query CommunityResources($communityId: ID!, $first: Int, $after: String) {
  communityResources(communityId: $communityId, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...ProjectResourceFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  CommunityTimeBankMonth: `query CommunityTimeBankMonth($communityId: ID!, $month: String!, $first: Int, $after: String) {
  communityTimeBankMonth(communityId: $communityId, month: $month) {
    month
    issued
    granted
    redeemed
    donated
    expired
    statement(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          points
          kind
          description
          at
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
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

  CompleteOrder: `mutation CompleteOrder($input: CompleteOrderInput!) {
  completeOrder(input: $input) {
    ...OrderFields
    ...TimelineFields
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}

fragment TimelineFields on Order {
  timeline {
    id
    at
    actorKind
    actor {
      id
      nickname
    }
    from
    to
    partner {
      id
      name
    }
    reason
  }
}
`,

  ConfirmConsoleLogin: `mutation ConfirmConsoleLogin($input: ConfirmConsoleLoginInput!) {
  confirmConsoleLogin(input: $input) {
    confirmed
  }
}
`,

  ConfirmOrder: `mutation ConfirmOrder($input: ConfirmOrderInput!) {
  confirmOrder(input: $input) {
    ...OrderFields
    ...TimelineFields
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}

fragment TimelineFields on Order {
  timeline {
    id
    at
    actorKind
    actor {
      id
      nickname
    }
    from
    to
    partner {
      id
      name
    }
    reason
  }
}
`,

  CreateBallot: `mutation CreateBallot($input: CreateBallotInput!) {
  createBallot(input: $input) {
    ...BallotFields
  }
}

fragment BallotFields on Ballot {
  id
  communityId
  kind
  pickMode
  maxPicks
  title
  description
  subjectKind
  subjectId
  status
  opensAt
  closesAt
  remindHoursBefore
  minTurnoutPercent
  majorityPercent
  openedAt
  closedAt
  createdAt
  options {
    id
    position
    label
    subjectId
  }
  myHouseholds {
    householdId
    householdLabel
    canVote
    voted
    vote {
      ...HouseholdBallotVoteFields
    }
  }
}

fragment HouseholdBallotVoteFields on HouseholdBallotVote {
  ballotId
  householdId
  optionIds
  comment
  version
  updatedAt
}
`,

  CreateBuilding: `mutation CreateBuilding($input: CreateBuildingInput!) {
  createBuilding(input: $input) {
    ...PlaceFields
  }
}

fragment PlaceFields on Place {
  __typename
  id
  retiredAt
  ... on Street {
    name
  }
  ... on Community {
    name
    address
  }
  ... on Estate {
    name
  }
  ... on Building {
    name
  }
  ... on Unit {
    name
  }
  ... on Household {
    room
    label
  }
}
`,

  CreateCampaign: `mutation CreateCampaign($input: CreateCampaignInput!) {
  createCampaign(input: $input) {
    ...CampaignFields
  }
}

fragment CampaignFields on Campaign {
  id
  theme
  festivalDate
  mainVenue
  branchVenues
  description
  coverImageUrl
  deadline
  moneyGoalFen
  fundingRule
  matchingSponsor
  matchingCapFen
  status
  progress {
    moneyRaisedFen
    matchedFen
    totalFen
    moneyGoalFen
    supporters
    items {
      id
      name
      unit
      quantityNeeded
      quantityPledged
      quantityReceived
    }
    volunteers {
      id
      name
      count
      signedUp
      pointsReward
    }
    byContributorKind {
      contributorKind
      moneyFen
      pledges
    }
    supportersWall {
      name
      kind
      contributorKind
      amountFen
      what
      message
      at
    }
  }
}
`,

  CreateCommunity: `mutation CreateCommunity($input: CreateCommunityInput!) {
  createCommunity(input: $input) {
    ...PlaceFields
    street {
      id
      name
    }
  }
}

fragment PlaceFields on Place {
  __typename
  id
  retiredAt
  ... on Street {
    name
  }
  ... on Community {
    name
    address
  }
  ... on Estate {
    name
  }
  ... on Building {
    name
  }
  ... on Unit {
    name
  }
  ... on Household {
    room
    label
  }
}
`,

  CreateConsoleLoginTicket: `mutation CreateConsoleLoginTicket {
  createConsoleLoginTicket {
    ticketId
    pollToken
    codeImage
    expiresAt
  }
}
`,

  CreateEstate: `mutation CreateEstate($input: CreateEstateInput!) {
  createEstate(input: $input) {
    ...PlaceFields
  }
}

fragment PlaceFields on Place {
  __typename
  id
  retiredAt
  ... on Street {
    name
  }
  ... on Community {
    name
    address
  }
  ... on Estate {
    name
  }
  ... on Building {
    name
  }
  ... on Unit {
    name
  }
  ... on Household {
    room
    label
  }
}
`,

  CreateHousehold: `mutation CreateHousehold($input: CreateHouseholdInput!) {
  createHousehold(input: $input) {
    ...PlaceFields
  }
}

fragment PlaceFields on Place {
  __typename
  id
  retiredAt
  ... on Street {
    name
  }
  ... on Community {
    name
    address
  }
  ... on Estate {
    name
  }
  ... on Building {
    name
  }
  ... on Unit {
    name
  }
  ... on Household {
    room
    label
  }
}
`,

  CreateNeedMeeting: `mutation CreateNeedMeeting($input: CreateNeedMeetingInput!) {
  createNeedMeeting(input: $input) {
    ...NeedMeetingFields
  }
}

fragment NeedMeetingFields on NeedMeeting {
  id
  title
  meetsOn
  agenda {
    outcome
    resolution
    decidedAt
    need {
      id
      description
      status
      kind
      level
      supporterCount
    }
  }
}
`,

  CreateOffering: `mutation CreateOffering($input: CreateOfferingInput!) {
  createOffering(input: $input) {
    ...OfferingFields
  }
}

fragment OfferingFields on Offering {
  id
  title
  description
  priceKind
  pricePoints
  priceFen
  estimatedMinutes
  active
  category {
    code
    name
  }
  partner {
    id
    name
    kind
  }
}
`,

  CreateProject: `mutation CreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    ...ProjectFields
  }
}

fragment ProjectFields on Project {
  id
  title
  goal
  budgetFen
  status
  statusName
  signOffCount
  satisfactionBallotId
  startedAt
  submittedAt
  completedAt
  cancelledAt
  createdAt
  updatedAt
  community {
    id
    name
  }
  needs {
    id
    description
    kindName
    status
    statusName
    placeName
    supporterCount
  }
  resources {
    ...ProjectResourceFields
  }
  milestones {
    id
    position
    title
    dueOn
    done
    doneAt
    note
    photoUrls
  }
  signOffs {
    accountId
    nickname
    note
    createdAt
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  CreateReward: `mutation CreateReward($input: CreateRewardInput!) {
  createReward(input: $input) {
    id
    kind
    title
    pointsPrice
    stock
    validTo
  }
}
`,

  CreateStreet: `mutation CreateStreet($input: CreateStreetInput!) {
  createStreet(input: $input) {
    ...PlaceFields
  }
}

fragment PlaceFields on Place {
  __typename
  id
  retiredAt
  ... on Street {
    name
  }
  ... on Community {
    name
    address
  }
  ... on Estate {
    name
  }
  ... on Building {
    name
  }
  ... on Unit {
    name
  }
  ... on Household {
    room
    label
  }
}
`,

  CreateUnit: `mutation CreateUnit($input: CreateUnitInput!) {
  createUnit(input: $input) {
    ...PlaceFields
  }
}

fragment PlaceFields on Place {
  __typename
  id
  retiredAt
  ... on Street {
    name
  }
  ... on Community {
    name
    address
  }
  ... on Estate {
    name
  }
  ... on Building {
    name
  }
  ... on Unit {
    name
  }
  ... on Household {
    room
    label
  }
}
`,

  CreateVolunteerActivity: `mutation CreateVolunteerActivity($input: CreateVolunteerActivityInput!) {
  createVolunteerActivity(input: $input) {
    ...VolunteerActivityFields
  }
}

fragment VolunteerActivityFields on VolunteerActivity {
  id
  title
  description
  place
  startsAt
  endsAt
  slots
  signedUp
  pointsPerHour
  mySignup {
    signedUpAt
    attendedMinutes
  }
}
`,

  DeclineOrder: `mutation DeclineOrder($input: DeclineOrderInput!) {
  declineOrder(input: $input) {
    ...OrderFields
    ...TimelineFields
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}

fragment TimelineFields on Order {
  timeline {
    id
    at
    actorKind
    actor {
      id
      nickname
    }
    from
    to
    partner {
      id
      name
    }
    reason
  }
}
`,

  DeclinePartnerInvitation: `mutation DeclinePartnerInvitation($input: DeclinePartnerInvitationInput!) {
  declinePartnerInvitation(input: $input) {
    id
    role
    status
    partner {
      id
      name
    }
  }
}
`,

  DispatchBoard: `subscription DispatchBoard($communityId: ID!) {
  dispatchBoard(communityId: $communityId) {
    ...OrderFields
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}
`,

  DispatchCandidates: `query DispatchCandidates($orderId: ID!) {
  dispatchCandidates(orderId: $orderId) {
    rank
    reason
    averageRating
    recentAssignments
    partner {
      id
      name
      kind
      activeOrders
      capacity
    }
  }
}
`,

  DispatchOrder: `mutation DispatchOrder($input: DispatchOrderInput!) {
  dispatchOrder(input: $input) {
    ...OrderFields
    ...TimelineFields
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}

fragment TimelineFields on Order {
  timeline {
    id
    at
    actorKind
    actor {
      id
      nickname
    }
    from
    to
    partner {
      id
      name
    }
    reason
  }
}
`,

  DispatchQueue: `query DispatchQueue($communityId: ID!, $status: OrderStatus, $urgency: Urgency, $escalated: Boolean, $first: Int, $after: String) {
  dispatchQueue(communityId: $communityId, status: $status, urgency: $urgency, escalated: $escalated, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...OrderFields
        ...TimelineFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}

fragment TimelineFields on Order {
  timeline {
    id
    at
    actorKind
    actor {
      id
      nickname
    }
    from
    to
    partner {
      id
      name
    }
    reason
  }
}
`,

  DonatePoints: `mutation DonatePoints($input: DonatePointsInput!) {
  donatePoints(input: $input) {
    ...PointsMovementFields
  }
}

fragment PointsMovementFields on PointsMovement {
  transactionId
  replayed
  balance
}
`,

  ErrorCodes: `query ErrorCodes {
  errorCodes {
    code
    message
  }
}
`,

  GrantFromPool: `mutation GrantFromPool($input: GrantPointsInput!) {
  grantFromPool(input: $input) {
    ...PointsMovementFields
  }
}

fragment PointsMovementFields on PointsMovement {
  transactionId
  replayed
  balance
}
`,

  GrantPoints: `mutation GrantPoints($input: GrantPointsInput!) {
  grantPoints(input: $input) {
    ...PointsMovementFields
  }
}

fragment PointsMovementFields on PointsMovement {
  transactionId
  replayed
  balance
}
`,

  HandOverHouseholdHead: `mutation HandOverHouseholdHead($input: HandOverHouseholdHeadInput!) {
  handOverHouseholdHead(input: $input) {
    ...HouseholdMembershipFields
  }
}

fragment HouseholdMembershipFields on Household {
  id
  label
  community {
    id
    name
  }
  members {
    id
    nickname
    phoneMasked
    isHead
    relation
  }
}
`,

  HouseholdImport: `query HouseholdImport($id: ID!, $outcome: HouseholdImportOutcome, $first: Int, $after: String) {
  householdImport(id: $id) {
    ...HouseholdImportFields
    rows(outcome: $outcome, first: $first, after: $after) {
      edges {
        cursor
        node {
          rowNumber
          estate
          building
          unit
          room
          headName
          headPhone
          outcome
          reason
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}

fragment HouseholdImportFields on HouseholdImport {
  id
  community {
    id
    name
  }
  fileName
  format
  status
  rowCount
  newCount
  alreadyThereCount
  invalidCount
  createdAt
  committedAt
}
`,

  LeaveHousehold: `mutation LeaveHousehold($input: LeaveHouseholdInput!) {
  leaveHousehold(input: $input) {
    id
    label
  }
}
`,

  LeavePartner: `mutation LeavePartner($input: LeavePartnerInput!) {
  leavePartner(input: $input) {
    ...PartnerFields
  }
}

fragment PartnerFields on Partner {
  id
  name
  kind
  description
  online
  capacity
  activeOrders
  categories {
    code
    name
  }
  contracts {
    id
    validFrom
    validTo
    community {
      id
      name
    }
  }
  members {
    id
    nickname
    role
  }
  timeBankPoints
  scorecard {
    completedOrders
    averageQuality
    averagePunctuality
    averageAttitude
    onTimeRate
  }
}
`,

  LinkProjectNeeds: `mutation LinkProjectNeeds($input: LinkProjectNeedsInput!) {
  linkProjectNeeds(input: $input) {
    ...ProjectFields
  }
}

fragment ProjectFields on Project {
  id
  title
  goal
  budgetFen
  status
  statusName
  signOffCount
  satisfactionBallotId
  startedAt
  submittedAt
  completedAt
  cancelledAt
  createdAt
  updatedAt
  community {
    id
    name
  }
  needs {
    id
    description
    kindName
    status
    statusName
    placeName
    supporterCount
  }
  resources {
    ...ProjectResourceFields
  }
  milestones {
    id
    position
    title
    dueOn
    done
    doneAt
    note
    photoUrls
  }
  signOffs {
    accountId
    nickname
    note
    createdAt
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
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
  avatarUrl
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

  ManagedCommunityTree: `query ManagedCommunityTree($id: ID!, $includeRetired: Boolean) {
  community(id: $id) {
    id
    name
    address
    retiredAt
    householdCount
    staff {
      ...StaffMemberFields
    }
    estates(includeRetired: $includeRetired) {
      id
      name
      retiredAt
      buildings(includeRetired: $includeRetired) {
        id
        name
        retiredAt
        units(includeRetired: $includeRetired) {
          id
          name
          retiredAt
          households(includeRetired: $includeRetired) {
            id
            room
            label
            retiredAt
          }
        }
      }
    }
  }
}

fragment StaffMemberFields on StaffMember {
  id
  nickname
  title
  grid {
    id
    name
  }
}
`,

  MarkItemsReceived: `mutation MarkItemsReceived($input: PledgeIdInput!) {
  markItemsReceived(input: $input) {
    ...PledgeFields
  }
}

fragment PledgeFields on Pledge {
  id
  kind
  contributorKind
  anonymous
  message
  amountFen
  needId
  quantity
  roleId
  status
  createdAt
}
`,

  MarkNotificationsRead: `mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    marked
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
  avatarUrl
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

  MergeNeeds: `mutation MergeNeeds($input: MergeNeedsInput!) {
  mergeNeeds(input: $input) {
    ...NeedFields
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  MyAccountDeletion: `query MyAccountDeletion {
  myAccountDeletion {
    ...AccountDeletionFields
  }
}

fragment AccountDeletionFields on AccountDeletion {
  id
  status
  requestedAt
  dueAt
  cancelledAt
}
`,

  MyDataAccesses: `query MyDataAccesses($first: Int, $after: String) {
  myDataAccesses(first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        viewerNickname
        what
        accessedAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`,

  MyHouseholds: `query MyHouseholds {
  me {
    id
    households {
      ...HouseholdMembershipFields
    }
  }
}

fragment HouseholdMembershipFields on Household {
  id
  label
  community {
    id
    name
  }
  members {
    id
    nickname
    phoneMasked
    isHead
    relation
  }
}
`,

  MyNeeds: `query MyNeeds($first: Int, $after: String) {
  myNeeds(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...NeedFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  MyNotifications: `query MyNotifications($first: Int, $after: String) {
  myNotifications(first: $first, after: $after) {
    unreadCount
    edges {
      cursor
      node {
        ...NotificationFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment NotificationFields on Notification {
  id
  kind
  title
  body
  page
  read
  createdAt
}
`,

  MyOrders: `query MyOrders($status: OrderStatus, $first: Int, $after: String) {
  myOrders(status: $status, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...OrderFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}
`,

  MyPartner: `query MyPartner {
  myPartner {
    ...PartnerFields
  }
}

fragment PartnerFields on Partner {
  id
  name
  kind
  description
  online
  capacity
  activeOrders
  categories {
    code
    name
  }
  contracts {
    id
    validFrom
    validTo
    community {
      id
      name
    }
  }
  members {
    id
    nickname
    role
  }
  timeBankPoints
  scorecard {
    completedOrders
    averageQuality
    averagePunctuality
    averageAttitude
    onTimeRate
  }
}
`,

  MyPartnerApplications: `query MyPartnerApplications($first: Int, $after: String) {
  myPartnerApplications(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...PartnerApplicationFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment PartnerApplicationFields on PartnerApplication {
  id
  kind
  name
  description
  categories {
    code
    name
  }
  contactName
  contactPhone
  licencePhotoUrls
  communities {
    community {
      id
      name
    }
    status
    reason
    decidedAt
    validFrom
    validTo
    capacity
  }
  partner {
    id
    name
  }
  createdAt
}
`,

  MyPartnerInvitations: `query MyPartnerInvitations {
  myPartnerInvitations {
    id
    role
    status
    createdAt
    partner {
      id
      name
      kind
    }
  }
}
`,

  MyPersonalData: `query MyPersonalData {
  myPersonalData {
    generatedAt
    sections {
      key
      title
      columns
      rows
    }
  }
}
`,

  MyTimeBank: `query MyTimeBank($first: Int, $after: String) {
  myTimeBank {
    balance
    pendingHolds
    statement(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          points
          kind
          description
          at
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
`,

  MyVerificationRequests: `query MyVerificationRequests($first: Int, $after: String) {
  myVerificationRequests(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...VerificationRequestFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment VerificationRequestFields on VerificationRequest {
  id
  relation
  status
  realName
  applicantId
  applicantNickname
  applicantPhone
  phoneMatchesRegisteredHead
  proofPhotoUrl
  rejectionReason
  decidedAt
  createdAt
  household {
    id
    label
    community {
      id
      name
    }
  }
}
`,

  MyVouchers: `query MyVouchers($status: VoucherStatus) {
  myVouchers(status: $status) {
    ...VoucherFields
    qrCodeDataUrl
  }
}

fragment VoucherFields on Voucher {
  id
  code
  status
  pointsPaid
  expiresAt
  usedAt
  reward {
    id
    title
    kind
    supplier {
      id
      name
    }
  }
}
`,

  Need: `query Need($id: ID!) {
  need(id: $id) {
    ...NeedFields
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  NeedMeetings: `query NeedMeetings($communityId: ID!, $first: Int, $after: String) {
  needMeetings(communityId: $communityId, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...NeedMeetingFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment NeedMeetingFields on NeedMeeting {
  id
  title
  meetsOn
  agenda {
    outcome
    resolution
    decidedAt
    need {
      id
      description
      status
      kind
      level
      supporterCount
    }
  }
}
`,

  NeedTriageRules: `query NeedTriageRules($communityId: ID!) {
  needTriageRules(communityId: $communityId) {
    ...NeedTriageRuleFields
  }
}

fragment NeedTriageRuleFields on NeedTriageRule {
  kind
  level
  dueWithinHours
  isDefault
}
`,

  NotificationReceived: `subscription NotificationReceived {
  notificationReceived {
    ...NotificationFields
  }
}

fragment NotificationFields on Notification {
  id
  kind
  title
  body
  page
  read
  createdAt
}
`,

  OfferResource: `mutation OfferResource($input: OfferResourceInput!) {
  offerResource(input: $input) {
    ...ProjectResourceFields
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  Offerings: `query Offerings($communityId: ID!, $categoryCode: String, $first: Int, $after: String) {
  offerings(communityId: $communityId, categoryCode: $categoryCode, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...OfferingFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment OfferingFields on Offering {
  id
  title
  description
  priceKind
  pricePoints
  priceFen
  estimatedMinutes
  active
  category {
    code
    name
  }
  partner {
    id
    name
    kind
  }
}
`,

  OnboardPartner: `mutation OnboardPartner($input: OnboardPartnerInput!) {
  onboardPartner(input: $input) {
    ...PartnerFields
  }
}

fragment PartnerFields on Partner {
  id
  name
  kind
  description
  online
  capacity
  activeOrders
  categories {
    code
    name
  }
  contracts {
    id
    validFrom
    validTo
    community {
      id
      name
    }
  }
  members {
    id
    nickname
    role
  }
  timeBankPoints
  scorecard {
    completedOrders
    averageQuality
    averagePunctuality
    averageAttitude
    onTimeRate
  }
}
`,

  OpenBallot: `mutation OpenBallot($input: BallotIdInput!) {
  openBallot(input: $input) {
    id
    status
    openedAt
    closedAt
  }
}
`,

  Order: `query Order($id: ID!) {
  order(id: $id) {
    ...OrderFields
    ...TimelineFields
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}

fragment TimelineFields on Order {
  timeline {
    id
    at
    actorKind
    actor {
      id
      nickname
    }
    from
    to
    partner {
      id
      name
    }
    reason
  }
}
`,

  OrderFromNeed: `mutation OrderFromNeed($input: OrderFromNeedInput!) {
  orderFromNeed(input: $input) {
    ...NeedFields
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  OrderNeed: `query OrderNeed($id: ID!) {
  order(id: $id) {
    id
    status
    need {
      id
      status
      kind
      description
    }
  }
}
`,

  OrderUpdated: `subscription OrderUpdated($orderId: ID!) {
  orderUpdated(orderId: $orderId) {
    ...OrderFields
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}
`,

  Partner: `query Partner($id: ID!) {
  partner(id: $id) {
    ...PartnerFields
    offerings {
      ...OfferingFields
    }
  }
}

fragment PartnerFields on Partner {
  id
  name
  kind
  description
  online
  capacity
  activeOrders
  categories {
    code
    name
  }
  contracts {
    id
    validFrom
    validTo
    community {
      id
      name
    }
  }
  members {
    id
    nickname
    role
  }
  timeBankPoints
  scorecard {
    completedOrders
    averageQuality
    averagePunctuality
    averageAttitude
    onTimeRate
  }
}

fragment OfferingFields on Offering {
  id
  title
  description
  priceKind
  pricePoints
  priceFen
  estimatedMinutes
  active
  category {
    code
    name
  }
  partner {
    id
    name
    kind
  }
}
`,

  PartnerApplications: `query PartnerApplications($communityId: ID!, $status: PartnerApplicationStatus, $first: Int, $after: String) {
  partnerApplications(communityId: $communityId, status: $status, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...PartnerApplicationFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment PartnerApplicationFields on PartnerApplication {
  id
  kind
  name
  description
  categories {
    code
    name
  }
  contactName
  contactPhone
  licencePhotoUrls
  communities {
    community {
      id
      name
    }
    status
    reason
    decidedAt
    validFrom
    validTo
    capacity
  }
  partner {
    id
    name
  }
  createdAt
}
`,

  PartnerInbox: `query PartnerInbox($filter: InboxFilter!, $first: Int, $after: String) {
  partnerInbox(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...OrderFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}
`,

  PartnerInboxEvents: `subscription PartnerInboxEvents {
  partnerInbox {
    kind
    order {
      ...OrderFields
    }
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}
`,

  PlaceOrder: `mutation PlaceOrder($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    ...OrderFields
    ...TimelineFields
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}

fragment TimelineFields on Order {
  timeline {
    id
    at
    actorKind
    actor {
      id
      nickname
    }
    from
    to
    partner {
      id
      name
    }
    reason
  }
}
`,

  PledgeItems: `mutation PledgeItems($input: PledgeItemsInput!) {
  pledgeItems(input: $input) {
    ...PledgeFields
  }
}

fragment PledgeFields on Pledge {
  id
  kind
  contributorKind
  anonymous
  message
  amountFen
  needId
  quantity
  roleId
  status
  createdAt
}
`,

  PledgeMoney: `mutation PledgeMoney($input: PledgeMoneyInput!) {
  pledgeMoney(input: $input) {
    pledge {
      ...PledgeFields
    }
    payment {
      appId
      timeStamp
      nonceStr
      packageValue
      signType
      paySign
    }
  }
}

fragment PledgeFields on Pledge {
  id
  kind
  contributorKind
  anonymous
  message
  amountFen
  needId
  quantity
  roleId
  status
  createdAt
}
`,

  PledgeResource: `mutation PledgeResource($input: PledgeResourceInput!) {
  pledgeResource(input: $input) {
    ...ProjectFields
  }
}

fragment ProjectFields on Project {
  id
  title
  goal
  budgetFen
  status
  statusName
  signOffCount
  satisfactionBallotId
  startedAt
  submittedAt
  completedAt
  cancelledAt
  createdAt
  updatedAt
  community {
    id
    name
  }
  needs {
    id
    description
    kindName
    status
    statusName
    placeName
    supporterCount
  }
  resources {
    ...ProjectResourceFields
  }
  milestones {
    id
    position
    title
    dueOn
    done
    doneAt
    note
    photoUrls
  }
  signOffs {
    accountId
    nickname
    note
    createdAt
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  PollConsoleLoginTicket: `mutation PollConsoleLoginTicket($input: PollConsoleLoginTicketInput!) {
  pollConsoleLoginTicket(input: $input) {
    status
    session {
      accessToken
      expiresIn
      refreshToken
      account {
        id
        nickname
        roles
        staffCommunity {
          id
          name
        }
      }
    }
  }
}
`,

  PrivacyPolicy: `query PrivacyPolicy {
  privacyPolicy {
    version
    title
    body
    publishedAt
    accepted
  }
}
`,

  Project: `query Project($id: ID!) {
  project(id: $id) {
    ...ProjectFields
  }
}

fragment ProjectFields on Project {
  id
  title
  goal
  budgetFen
  status
  statusName
  signOffCount
  satisfactionBallotId
  startedAt
  submittedAt
  completedAt
  cancelledAt
  createdAt
  updatedAt
  community {
    id
    name
  }
  needs {
    id
    description
    kindName
    status
    statusName
    placeName
    supporterCount
  }
  resources {
    ...ProjectResourceFields
  }
  milestones {
    id
    position
    title
    dueOn
    done
    doneAt
    note
    photoUrls
  }
  signOffs {
    accountId
    nickname
    note
    createdAt
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  Projects: `query Projects($communityId: ID!, $status: [ProjectStatus!], $first: Int, $after: String) {
  projects(communityId: $communityId, status: $status, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        title
        goal
        budgetFen
        status
        statusName
        signOffCount
        satisfactionBallotId
        completedAt
        createdAt
        milestones {
          id
          done
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

  PublishCampaign: `mutation PublishCampaign($input: CampaignIdInput!) {
  publishCampaign(input: $input) {
    ...CampaignFields
  }
}

fragment CampaignFields on Campaign {
  id
  theme
  festivalDate
  mainVenue
  branchVenues
  description
  coverImageUrl
  deadline
  moneyGoalFen
  fundingRule
  matchingSponsor
  matchingCapFen
  status
  progress {
    moneyRaisedFen
    matchedFen
    totalFen
    moneyGoalFen
    supporters
    items {
      id
      name
      unit
      quantityNeeded
      quantityPledged
      quantityReceived
    }
    volunteers {
      id
      name
      count
      signedUp
      pointsReward
    }
    byContributorKind {
      contributorKind
      moneyFen
      pledges
    }
    supportersWall {
      name
      kind
      contributorKind
      amountFen
      what
      message
      at
    }
  }
}
`,

  RecordAgendaResolution: `mutation RecordAgendaResolution($input: RecordAgendaResolutionInput!) {
  recordAgendaResolution(input: $input) {
    ...NeedFields
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  RecordCollectedNeed: `mutation RecordCollectedNeed($input: RecordCollectedNeedInput!) {
  recordCollectedNeed(input: $input) {
    ...NeedFields
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  RecordExpense: `mutation RecordExpense($input: RecordExpenseInput!) {
  recordExpense(input: $input) {
    ...ExpenseFields
  }
}

fragment ExpenseFields on CampaignExpense {
  id
  category
  amountFen
  receiptUrl
  note
  status
  createdAt
}
`,

  RecordFestivalAttendance: `mutation RecordFestivalAttendance($input: RecordFestivalAttendanceInput!) {
  recordFestivalAttendance(input: $input) {
    ...PledgeFields
  }
}

fragment PledgeFields on Pledge {
  id
  kind
  contributorKind
  anonymous
  message
  amountFen
  needId
  quantity
  roleId
  status
  createdAt
}
`,

  RecordOfflineContribution: `mutation RecordOfflineContribution($input: RecordOfflineContributionInput!) {
  recordOfflineContribution(input: $input) {
    ...PledgeFields
  }
}

fragment PledgeFields on Pledge {
  id
  kind
  contributorKind
  anonymous
  message
  amountFen
  needId
  quantity
  roleId
  status
  createdAt
}
`,

  RecordSubscribeConsent: `mutation RecordSubscribeConsent($input: RecordSubscribeConsentInput!) {
  recordSubscribeConsent(input: $input) {
    recorded
  }
}
`,

  RecordVolunteerAttendance: `mutation RecordVolunteerAttendance($input: RecordVolunteerAttendanceInput!) {
  recordVolunteerAttendance(input: $input) {
    accountId
    nickname
    attendedMinutes
  }
}
`,

  RedeemReward: `mutation RedeemReward($input: RedeemRewardInput!) {
  redeemReward(input: $input) {
    replayed
    balance
    vouchers {
      ...VoucherFields
    }
  }
}

fragment VoucherFields on Voucher {
  id
  code
  status
  pointsPaid
  expiresAt
  usedAt
  reward {
    id
    title
    kind
    supplier {
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
  avatarUrl
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

  ReinstatePlace: `mutation ReinstatePlace($input: PlaceInput!) {
  reinstatePlace(input: $input) {
    ...PlaceFields
  }
}

fragment PlaceFields on Place {
  __typename
  id
  retiredAt
  ... on Street {
    name
  }
  ... on Community {
    name
    address
  }
  ... on Estate {
    name
  }
  ... on Building {
    name
  }
  ... on Unit {
    name
  }
  ... on Household {
    room
    label
  }
}
`,

  RejectPartnerApplication: `mutation RejectPartnerApplication($input: RejectPartnerApplicationInput!) {
  rejectPartnerApplication(input: $input) {
    ...PartnerApplicationFields
  }
}

fragment PartnerApplicationFields on PartnerApplication {
  id
  kind
  name
  description
  categories {
    code
    name
  }
  contactName
  contactPhone
  licencePhotoUrls
  communities {
    community {
      id
      name
    }
    status
    reason
    decidedAt
    validFrom
    validTo
    capacity
  }
  partner {
    id
    name
  }
  createdAt
}
`,

  RejectVerificationRequest: `mutation RejectVerificationRequest($input: RejectVerificationRequestInput!) {
  rejectVerificationRequest(input: $input) {
    ...VerificationRequestFields
  }
}

fragment VerificationRequestFields on VerificationRequest {
  id
  relation
  status
  realName
  applicantId
  applicantNickname
  applicantPhone
  phoneMatchesRegisteredHead
  proofPhotoUrl
  rejectionReason
  decidedAt
  createdAt
  household {
    id
    label
    community {
      id
      name
    }
  }
}
`,

  RemoveHouseholdMember: `mutation RemoveHouseholdMember($input: HouseholdMemberInput!) {
  removeHouseholdMember(input: $input) {
    ...HouseholdMembershipFields
  }
}

fragment HouseholdMembershipFields on Household {
  id
  label
  community {
    id
    name
  }
  members {
    id
    nickname
    phoneMasked
    isHead
    relation
  }
}
`,

  RemovePartnerMember: `mutation RemovePartnerMember($input: RemovePartnerMemberInput!) {
  removePartnerMember(input: $input) {
    ...PartnerFields
  }
}

fragment PartnerFields on Partner {
  id
  name
  kind
  description
  online
  capacity
  activeOrders
  categories {
    code
    name
  }
  contracts {
    id
    validFrom
    validTo
    community {
      id
      name
    }
  }
  members {
    id
    nickname
    role
  }
  timeBankPoints
  scorecard {
    completedOrders
    averageQuality
    averagePunctuality
    averageAttitude
    onTimeRate
  }
}
`,

  RemoveSupervisionMember: `mutation RemoveSupervisionMember($input: SupervisionMemberInput!) {
  removeSupervisionMember(input: $input) {
    ...SupervisionCommitteeFields
  }
}

fragment SupervisionCommitteeFields on SupervisionCommittee {
  communityId
  members {
    accountId
    nickname
    appointedAt
  }
  minSignOffs
  majority
  requiredSignOffs
}
`,

  RenamePlace: `mutation RenamePlace($input: RenamePlaceInput!) {
  renamePlace(input: $input) {
    ...PlaceFields
  }
}

fragment PlaceFields on Place {
  __typename
  id
  retiredAt
  ... on Street {
    name
  }
  ... on Community {
    name
    address
  }
  ... on Estate {
    name
  }
  ... on Building {
    name
  }
  ... on Unit {
    name
  }
  ... on Household {
    room
    label
  }
}
`,

  ReportProjectMilestone: `mutation ReportProjectMilestone($input: ReportProjectMilestoneInput!) {
  reportProjectMilestone(input: $input) {
    ...ProjectFields
  }
}

fragment ProjectFields on Project {
  id
  title
  goal
  budgetFen
  status
  statusName
  signOffCount
  satisfactionBallotId
  startedAt
  submittedAt
  completedAt
  cancelledAt
  createdAt
  updatedAt
  community {
    id
    name
  }
  needs {
    id
    description
    kindName
    status
    statusName
    placeName
    supporterCount
  }
  resources {
    ...ProjectResourceFields
  }
  milestones {
    id
    position
    title
    dueOn
    done
    doneAt
    note
    photoUrls
  }
  signOffs {
    accountId
    nickname
    note
    createdAt
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  RequestAccountDeletion: `mutation RequestAccountDeletion($input: RequestAccountDeletionInput!) {
  requestAccountDeletion(input: $input) {
    ...AccountDeletionFields
  }
}

fragment AccountDeletionFields on AccountDeletion {
  id
  status
  requestedAt
  dueAt
  cancelledAt
}
`,

  RequestHouseholdVerification: `mutation RequestHouseholdVerification($input: RequestHouseholdVerificationInput!) {
  requestHouseholdVerification(input: $input) {
    ...VerificationRequestFields
  }
}

fragment VerificationRequestFields on VerificationRequest {
  id
  relation
  status
  realName
  applicantId
  applicantNickname
  applicantPhone
  phoneMatchesRegisteredHead
  proofPhotoUrl
  rejectionReason
  decidedAt
  createdAt
  household {
    id
    label
    community {
      id
      name
    }
  }
}
`,

  ResolveNeed: `mutation ResolveNeed($input: ResolveNeedInput!) {
  resolveNeed(input: $input) {
    ...NeedFields
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  RetirePlace: `mutation RetirePlace($input: PlaceInput!) {
  retirePlace(input: $input) {
    ...PlaceFields
  }
}

fragment PlaceFields on Place {
  __typename
  id
  retiredAt
  ... on Street {
    name
  }
  ... on Community {
    name
    address
  }
  ... on Estate {
    name
  }
  ... on Building {
    name
  }
  ... on Unit {
    name
  }
  ... on Household {
    room
    label
  }
}
`,

  RevokeStaff: `mutation RevokeStaff($input: RevokeStaffInput!) {
  revokeStaff(input: $input) {
    id
    name
    staff {
      ...StaffMemberFields
    }
  }
}

fragment StaffMemberFields on StaffMember {
  id
  nickname
  title
  grid {
    id
    name
  }
}
`,

  RevokeStreetStaff: `mutation RevokeStreetStaff($input: RevokeStreetStaffInput!) {
  revokeStreetStaff(input: $input) {
    id
    name
    staff {
      id
      nickname
      title
    }
  }
}
`,

  Rewards: `query Rewards($communityId: ID!, $kind: RewardKind, $first: Int, $after: String) {
  rewards(communityId: $communityId, kind: $kind, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        kind
        title
        description
        pointsPrice
        stock
        validTo
        voucherValidDays
        supplier {
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

  SearchCommunities: `query SearchCommunities($search: String, $first: Int, $after: String, $includeRetired: Boolean) {
  communities(search: $search, first: $first, after: $after, includeRetired: $includeRetired) {
    edges {
      cursor
      node {
        id
        name
        address
        retiredAt
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

  ServiceCategories: `query ServiceCategories {
  serviceCategories {
    id
    code
    name
    dispatchMode
    earnsPoints
  }
}
`,

  SetBallotRule: `mutation SetBallotRule($input: SetBallotRuleInput!) {
  setBallotRule(input: $input) {
    communityId
    minTurnoutPercent
    majorityPercent
    communityOwn
  }
}
`,

  SetNeedTriageRule: `mutation SetNeedTriageRule($input: SetNeedTriageRuleInput!) {
  setNeedTriageRule(input: $input) {
    ...NeedTriageRuleFields
  }
}

fragment NeedTriageRuleFields on NeedTriageRule {
  kind
  level
  dueWithinHours
  isDefault
}
`,

  SetPartnerOnline: `mutation SetPartnerOnline($input: SetPartnerOnlineInput!) {
  setPartnerOnline(input: $input) {
    id
    online
  }
}
`,

  SetSupervisionRule: `mutation SetSupervisionRule($input: SetSupervisionRuleInput!) {
  setSupervisionRule(input: $input) {
    ...SupervisionCommitteeFields
  }
}

fragment SupervisionCommitteeFields on SupervisionCommittee {
  communityId
  members {
    accountId
    nickname
    appointedAt
  }
  minSignOffs
  majority
  requiredSignOffs
}
`,

  SetTimeBankRules: `mutation SetTimeBankRules($input: SetTimeBankRulesInput!) {
  setTimeBankRules(input: $input) {
    communityId
    pointsPerHour
    storageCap
    expiryMonths
  }
}
`,

  SignOffProject: `mutation SignOffProject($input: SignOffProjectInput!) {
  signOffProject(input: $input) {
    ...ProjectFields
  }
}

fragment ProjectFields on Project {
  id
  title
  goal
  budgetFen
  status
  statusName
  signOffCount
  satisfactionBallotId
  startedAt
  submittedAt
  completedAt
  cancelledAt
  createdAt
  updatedAt
  community {
    id
    name
  }
  needs {
    id
    description
    kindName
    status
    statusName
    placeName
    supporterCount
  }
  resources {
    ...ProjectResourceFields
  }
  milestones {
    id
    position
    title
    dueOn
    done
    doneAt
    note
    photoUrls
  }
  signOffs {
    accountId
    nickname
    note
    createdAt
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  SignUpVolunteer: `mutation SignUpVolunteer($input: SignUpVolunteerInput!) {
  signUpVolunteer(input: $input) {
    ...PledgeFields
  }
}

fragment PledgeFields on Pledge {
  id
  kind
  contributorKind
  anonymous
  message
  amountFen
  needId
  quantity
  roleId
  status
  createdAt
}
`,

  SignUpVolunteerActivity: `mutation SignUpVolunteerActivity($input: SignUpVolunteerActivityInput!) {
  signUpVolunteerActivity(input: $input) {
    ...VolunteerActivityFields
  }
}

fragment VolunteerActivityFields on VolunteerActivity {
  id
  title
  description
  place
  startsAt
  endsAt
  slots
  signedUp
  pointsPerHour
  mySignup {
    signedUpAt
    attendedMinutes
  }
}
`,

  StaffCommunityHouseholds: `query StaffCommunityHouseholds($communityId: ID!, $first: Int, $after: String, $includeRetired: Boolean) {
  households(communityId: $communityId, first: $first, after: $after, includeRetired: $includeRetired) {
    edges {
      cursor
      node {
        id
        room
        label
        retiredAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`,

  StartOrder: `mutation StartOrder($input: StartOrderInput!) {
  startOrder(input: $input) {
    ...OrderFields
    ...TimelineFields
  }
}

fragment OrderFields on Order {
  id
  status
  urgency
  escalated
  dispatchMode
  category {
    code
    name
  }
  offering {
    id
    title
  }
  household {
    id
    label
  }
  resident {
    id
    nickname
  }
  description
  photoUrls
  preferredFrom
  preferredTo
  contactPhone
  partner {
    id
    name
  }
  servingMember {
    id
    nickname
  }
  acceptDeadline
  minutesSpent
  completionNotes
  completionPhotoUrls
  rating {
    quality
    punctuality
    attitude
    comment
  }
  createdAt
  updatedAt
}

fragment TimelineFields on Order {
  timeline {
    id
    at
    actorKind
    actor {
      id
      nickname
    }
    from
    to
    partner {
      id
      name
    }
    reason
  }
}
`,

  StartProject: `mutation StartProject($input: ProjectIdInput!) {
  startProject(input: $input) {
    ...ProjectFields
  }
}

fragment ProjectFields on Project {
  id
  title
  goal
  budgetFen
  status
  statusName
  signOffCount
  satisfactionBallotId
  startedAt
  submittedAt
  completedAt
  cancelledAt
  createdAt
  updatedAt
  community {
    id
    name
  }
  needs {
    id
    description
    kindName
    status
    statusName
    placeName
    supporterCount
  }
  resources {
    ...ProjectResourceFields
  }
  milestones {
    id
    position
    title
    dueOn
    done
    doneAt
    note
    photoUrls
  }
  signOffs {
    accountId
    nickname
    note
    createdAt
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  StreetEscalatedNeeds: `query StreetEscalatedNeeds($first: Int, $after: String) {
  streetEscalatedNeeds(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...NeedFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  Streets: `query Streets($includeRetired: Boolean) {
  streets(includeRetired: $includeRetired) {
    id
    name
    retiredAt
    staff {
      id
      nickname
      title
    }
  }
}
`,

  SubmitNeed: `mutation SubmitNeed($input: SubmitNeedInput!) {
  submitNeed(input: $input) {
    ...NeedFields
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  SubmitProjectForSignOff: `mutation SubmitProjectForSignOff($input: ProjectIdInput!) {
  submitProjectForSignOff(input: $input) {
    ...ProjectFields
  }
}

fragment ProjectFields on Project {
  id
  title
  goal
  budgetFen
  status
  statusName
  signOffCount
  satisfactionBallotId
  startedAt
  submittedAt
  completedAt
  cancelledAt
  createdAt
  updatedAt
  community {
    id
    name
  }
  needs {
    id
    description
    kindName
    status
    statusName
    placeName
    supporterCount
  }
  resources {
    ...ProjectResourceFields
  }
  milestones {
    id
    position
    title
    dueOn
    done
    doneAt
    note
    photoUrls
  }
  signOffs {
    accountId
    nickname
    note
    createdAt
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  SubscribeTemplates: `query SubscribeTemplates {
  subscribeTemplates {
    kind
    templateId
  }
}
`,

  SupervisionCommittee: `query SupervisionCommittee($communityId: ID!) {
  supervisionCommittee(communityId: $communityId) {
    ...SupervisionCommitteeFields
  }
}

fragment SupervisionCommitteeFields on SupervisionCommittee {
  communityId
  members {
    accountId
    nickname
    appointedAt
  }
  minSignOffs
  majority
  requiredSignOffs
}
`,

  SupportNeed: `mutation SupportNeed($input: NeedIdInput!) {
  supportNeed(input: $input) {
    needId
    supporterCount
    added
  }
}
`,

  TimeBankReconciliation: `query TimeBankReconciliation($communityId: ID!) {
  timeBankReconciliation(communityId: $communityId) {
    balanced
    accountsChecked
    transactionsChecked
    issuedInCommunity
    breaks
  }
}
`,

  TimeBankRules: `query TimeBankRules($communityId: ID!) {
  timeBankRules(communityId: $communityId) {
    communityId
    pointsPerHour
    storageCap
    expiryMonths
  }
}
`,

  TransferPoints: `mutation TransferPoints($input: TransferPointsInput!) {
  transferPoints(input: $input) {
    ...PointsMovementFields
  }
}

fragment PointsMovementFields on PointsMovement {
  transactionId
  replayed
  balance
}
`,

  TriageNeed: `mutation TriageNeed($input: TriageNeedInput!) {
  triageNeed(input: $input) {
    ...NeedFields
  }
}

fragment NeedFields on Need {
  id
  description
  placeName
  photoUrls
  status
  statusName
  kind
  kindName
  level
  levelName
  dueAt
  overdue
  escalated
  escalatedAt
  collectedByStaff
  supporterCount
  mergedIntoId
  orderId
  createdAt
  updatedAt
  household {
    id
    label
  }
  community {
    id
    name
  }
  meeting {
    id
    title
    meetsOn
  }
  timeline {
    action
    actionName
    actorKind
    actorName
    fromStatus
    toStatus
    note
    createdAt
  }
}
`,

  UpdateBallot: `mutation UpdateBallot($input: UpdateBallotInput!) {
  updateBallot(input: $input) {
    ...BallotFields
  }
}

fragment BallotFields on Ballot {
  id
  communityId
  kind
  pickMode
  maxPicks
  title
  description
  subjectKind
  subjectId
  status
  opensAt
  closesAt
  remindHoursBefore
  minTurnoutPercent
  majorityPercent
  openedAt
  closedAt
  createdAt
  options {
    id
    position
    label
    subjectId
  }
  myHouseholds {
    householdId
    householdLabel
    canVote
    voted
    vote {
      ...HouseholdBallotVoteFields
    }
  }
}

fragment HouseholdBallotVoteFields on HouseholdBallotVote {
  ballotId
  householdId
  optionIds
  comment
  version
  updatedAt
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
  avatarUrl
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

  UpdateOffering: `mutation UpdateOffering($input: UpdateOfferingInput!) {
  updateOffering(input: $input) {
    ...OfferingFields
  }
}

fragment OfferingFields on Offering {
  id
  title
  description
  priceKind
  pricePoints
  priceFen
  estimatedMinutes
  active
  category {
    code
    name
  }
  partner {
    id
    name
    kind
  }
}
`,

  VerificationRequest: `query VerificationRequest($id: ID!) {
  verificationRequest(id: $id) {
    ...VerificationRequestFields
  }
}

fragment VerificationRequestFields on VerificationRequest {
  id
  relation
  status
  realName
  applicantId
  applicantNickname
  applicantPhone
  phoneMatchesRegisteredHead
  proofPhotoUrl
  rejectionReason
  decidedAt
  createdAt
  household {
    id
    label
    community {
      id
      name
    }
  }
}
`,

  VerificationRequestsToDecide: `query VerificationRequestsToDecide($status: VerificationStatus, $first: Int, $after: String) {
  verificationRequestsToDecide(status: $status, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...VerificationRequestFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment VerificationRequestFields on VerificationRequest {
  id
  relation
  status
  realName
  applicantId
  applicantNickname
  applicantPhone
  phoneMatchesRegisteredHead
  proofPhotoUrl
  rejectionReason
  decidedAt
  createdAt
  household {
    id
    label
    community {
      id
      name
    }
  }
}
`,

  VerifyVoucher: `mutation VerifyVoucher($input: VerifyVoucherInput!) {
  verifyVoucher(input: $input) {
    ...VoucherFields
  }
}

fragment VoucherFields on Voucher {
  id
  code
  status
  pointsPaid
  expiresAt
  usedAt
  reward {
    id
    title
    kind
    supplier {
      id
      name
    }
  }
}
`,

  VolunteerActivities: `query VolunteerActivities($communityId: ID!, $first: Int, $after: String) {
  volunteerActivities(communityId: $communityId, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...VolunteerActivityFields
        signups {
          accountId
          nickname
          signedUpAt
          attendedMinutes
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment VolunteerActivityFields on VolunteerActivity {
  id
  title
  description
  place
  startsAt
  endsAt
  slots
  signedUp
  pointsPerHour
  mySignup {
    signedUpAt
    attendedMinutes
  }
}
`,

  VolunteerLeaderboard: `query VolunteerLeaderboard($communityId: ID!, $first: Int) {
  volunteerLeaderboard(communityId: $communityId, first: $first) {
    rank
    accountId
    nickname
    minutes
    hours
  }
}
`,

  WithdrawPartnerApplication: `mutation WithdrawPartnerApplication($input: WithdrawPartnerApplicationInput!) {
  withdrawPartnerApplication(input: $input) {
    ...PartnerApplicationFields
  }
}

fragment PartnerApplicationFields on PartnerApplication {
  id
  kind
  name
  description
  categories {
    code
    name
  }
  contactName
  contactPhone
  licencePhotoUrls
  communities {
    community {
      id
      name
    }
    status
    reason
    decidedAt
    validFrom
    validTo
    capacity
  }
  partner {
    id
    name
  }
  createdAt
}
`,

  WithdrawResource: `mutation WithdrawResource($input: ResourceIdInput!) {
  withdrawResource(input: $input) {
    ...ProjectResourceFields
  }
}

fragment ProjectResourceFields on ProjectResource {
  id
  kind
  kindName
  title
  description
  quantity
  unit
  offeredByName
  partnerId
  status
  statusName
  projectId
  createdAt
}
`,

  WithdrawVerificationRequest: `mutation WithdrawVerificationRequest($input: VerificationRequestIdInput!) {
  withdrawVerificationRequest(input: $input) {
    ...VerificationRequestFields
  }
}

fragment VerificationRequestFields on VerificationRequest {
  id
  relation
  status
  realName
  applicantId
  applicantNickname
  applicantPhone
  phoneMatchesRegisteredHead
  proofPhotoUrl
  rejectionReason
  decidedAt
  createdAt
  household {
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
