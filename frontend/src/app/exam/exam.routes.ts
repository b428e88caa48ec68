import { Routes } from '@angular/router';
import { ExamHome } from './exam-home';
import { ExamPage } from './exam-page';

export const examRoutes: Routes = [
  { path: '', component: ExamHome, title: 'My exams · Invigil' },
  { path: ':sessionId', component: ExamPage, title: 'Exam · Invigil' },
];
