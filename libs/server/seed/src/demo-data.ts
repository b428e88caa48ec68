import { Role } from '@invigil/contracts';

/**
 * The demo organization `npm start` seeds. Fixed ids let each service seed its own part
 * (accounts in enrollment, the assessment in sessions) without asking the others.
 */
export const DEMO_ORG = { id: '00000000-0000-4000-8000-000000000001', name: 'Demo Academy', slug: 'demo' } as const;
export const DEMO_PASSWORD = 'invigil-demo';

export const DEMO_USERS = [
  {
    id: '00000000-0000-4000-8000-000000000101',
    email: 'admin@demo.invigil.test',
    displayName: 'Ada Admin',
    role: Role.Admin,
  },
  {
    id: '00000000-0000-4000-8000-000000000102',
    email: 'proctor@demo.invigil.test',
    displayName: 'Paula Proctor',
    role: Role.Proctor,
  },
  {
    id: '00000000-0000-4000-8000-000000000201',
    email: 'cand1@demo.invigil.test',
    displayName: 'Carla Candidate',
    role: Role.Candidate,
  },
  {
    id: '00000000-0000-4000-8000-000000000202',
    email: 'cand2@demo.invigil.test',
    displayName: 'Chen Candidate',
    role: Role.Candidate,
  },
  {
    id: '00000000-0000-4000-8000-000000000203',
    email: 'cand3@demo.invigil.test',
    displayName: 'Cyrus Candidate',
    role: Role.Candidate,
  },
] as const;

export const DEMO_ASSESSMENT_ID = '00000000-0000-4000-8000-000000000301';

/** A second organization, so the demo (and the tests) can show that organizations never see each other. */
export const RIVAL_ORG = {
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Rival Institute',
  slug: 'rival',
} as const;

export const RIVAL_USERS = [
  {
    id: '00000000-0000-4000-8000-000000000901',
    email: 'proctor@rival.invigil.test',
    displayName: 'Rita Rival',
    role: Role.Proctor,
  },
  {
    id: '00000000-0000-4000-8000-000000000902',
    email: 'cand@rival.invigil.test',
    displayName: 'Rick Rival',
    role: Role.Candidate,
  },
] as const;
