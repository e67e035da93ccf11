export { IncomingChallengeAlerts } from './IncomingChallengeAlerts';
