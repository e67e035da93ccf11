export function IncomingChallengeAlerts() {
  return null;
}
