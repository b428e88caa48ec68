import type { Routes } from '@angular/router';
import { ExamHome } from './home/exam-home';
import { MyRecordPage } from './record/my-record-page';
import { ExamPage } from './runtime/exam-page';
import { SystemCheckPage } from './system-check/system-check-page';

export const examRoutes: Routes = [
  { path: '', component: ExamHome, title: 'My exams · Invigil' },
  { path: 'system-check', component: SystemCheckPage, title: 'System check · Invigil' },
  { path: ':sessionId', component: ExamPage, title: 'Exam · Invigil' },
  { path: ':sessionId/record', component: MyRecordPage, title: 'My session record · Invigil' },
];
