import { ActivityEntry } from './live/activity-entry.entity';
import { LiveParticipant } from './live/live-participant.entity';
import { SessionInfo } from './live/session-info.entity';

export const monitoringEntities = [SessionInfo, LiveParticipant, ActivityEntry];
