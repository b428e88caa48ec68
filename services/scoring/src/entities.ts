import { Certificate } from './certificates/certificate.entity';
import { IssuedCredential } from './credentials/issued-credential.entity';
import { IssuerKey } from './credentials/issuer-key.entity';
import { ReleaseSettings } from './release/release-settings.entity';
import { Result } from './results/result.entity';
import { ReviewComment } from './results/review-comment.entity';
import { ReviewItem } from './results/review-item.entity';
import { ReviewMark } from './results/review-mark.entity';
import { ReviewSettings } from './results/review-settings.entity';

export const scoringEntities = [
  Result,
  Certificate,
  ReviewItem,
  ReviewSettings,
  ReviewComment,
  ReviewMark,
  IssuerKey,
  IssuedCredential,
  ReleaseSettings,
];
