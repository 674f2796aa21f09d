/** Pure Block Kit builders: ticket cards, thread replies, modals, lists and the App Home tab. */
export { buildAdminAlert, buildHandedOverCard, buildModeratorCard, buildRequesterCard, type SlackMessage } from './cards.js';
export { buildThreadReply } from './replies.js';
export { buildReassignModal, buildResolveModal, buildTicketModal, decodeMetadata, encodeMetadata, type TicketModalMetadata, type TicketModalPrefill } from './modals.js';
export { buildTriageModal, buildTriageNoticeModal, SELECT_OPTIONS_MAX } from './triage-modal.js';
export { buildHomeView, buildTicketList, ticketLine, type HomeSection } from './lists.js';
export { ACTIONS, CALLBACKS, INPUTS, parseTicketButtonValue, ticketButtonValue } from './ids.js';
export { LIMITS, capBlocks, clipMrkdwn, clipPlain, escapeMrkdwn, userText, type KnownBlock } from './limits.js';
export { buildRatingModal, buildStatsMessage, parseRatingMetadata, RATING, ratingButtons, type RatingModalMetadata } from './rating.js';
export {
  auditText, buildNoteModal, buildSavedReplyPicker, buildTakenNotice, buildTicketPage, claimButton, listStateValue, parseListState, pickerTicketId, savedRepliesText, withoutPage, type ListState,
} from './staff.js';
