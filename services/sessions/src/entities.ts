import { AssessmentVersion } from './assessments/assessment-version.entity';
import { Assessment } from './assessments/assessment.entity';
import { Answer } from './attempts/answer.entity';
import { Attempt } from './attempts/attempt.entity';
import { ProctoredSession } from './sessions/proctored-session.entity';

export const sessionsEntities = [Assessment, AssessmentVersion, ProctoredSession, Attempt, Answer];
