// Where Bot Framework posts Teams activities; apart, so that the on-demand loader and the channel
// it loads share it without importing each other.
export const teamsMessagesPath = "/api/messages";
