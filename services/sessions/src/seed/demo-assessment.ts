import type { EntityManager } from '@mikro-orm/postgresql';
import type { CreateAssessmentBody } from '@invigil/contracts';
import { QuestionType } from '@invigil/contracts';
import { DEMO_ASSESSMENT_ID, DEMO_ORG, DEMO_USERS } from '@invigil/server-seed';
import { Assessment } from '../assessments/assessment.entity';
import { persistNewAssessment } from '../assessments/new-assessment';

const DEMO_PROCTOR = DEMO_USERS[1];

export const DEMO_ASSESSMENT_CONTENT: CreateAssessmentBody = {
  title: 'Demo: Exam Basics',
  passingPercent: 50,
  sections: [
    {
      title: 'Basics',
      questions: [
        {
          type: QuestionType.SingleChoice,
          prompt: 'Who may see the answer keys of an assessment?',
          options: [
            'Candidates during the exam',
            'Only the proctor and the scoring service',
            'Anyone with the enrollment code',
          ],
          correctOption: 1,
          points: 1,
        },
        {
          type: QuestionType.SingleChoice,
          prompt: 'When is an answer safe?',
          options: ['When it is clicked', 'When the server has acknowledged it', 'When the exam ends'],
          correctOption: 1,
          points: 1,
        },
        {
          type: QuestionType.SingleChoice,
          prompt: 'Whose clock decides the time left?',
          options: ["The candidate's browser", "The proctor's watch", "The server's"],
          correctOption: 2,
          points: 1,
        },
      ],
    },
  ],
};

/** Creates the demo organization's assessment (fixed id) if it is missing; safe to run on every start. */
export async function seedDemoAssessment(em: EntityManager): Promise<boolean> {
  if (await em.findOne(Assessment, { id: DEMO_ASSESSMENT_ID })) return false;
  persistNewAssessment(em, {
    id: DEMO_ASSESSMENT_ID,
    orgId: DEMO_ORG.id,
    createdBy: DEMO_PROCTOR.id,
    content: DEMO_ASSESSMENT_CONTENT,
  });
  await em.flush();
  return true;
}
