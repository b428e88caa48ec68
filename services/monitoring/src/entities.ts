import { Incident } from './incidents/incident.entity';
import { ActivityEntry } from './live/activity-entry.entity';
import { LiveParticipant } from './live/live-participant.entity';
import { SessionInfo } from './live/session-info.entity';
import { UnreadMessage } from './live/unread-message.entity';
import { RecordEntry } from './record/record-entry.entity';
import { Signal } from './signals/signal.entity';
import { Snapshot } from './snapshots/snapshot.entity';

export const monitoringEntities = [
  SessionInfo,
  LiveParticipant,
  ActivityEntry,
  Signal,
  Snapshot,
  RecordEntry,
  Incident,
  UnreadMessage,
];
