import { Certificate } from './certificates/certificate.entity';
import { Result } from './results/result.entity';

export const scoringEntities = [Result, Certificate];
