import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { AssessmentView } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { saveBlob } from '../../shared/save-blob';
import {
  fillAssessmentForm,
  newAssessmentForm,
  newQuestionForm,
  newSectionForm,
  SectionForm,
  toCreateAssessmentBody,
} from './assessment-draft';
import { AssessmentsApi } from './assessments-api';
import { QuestionEditor } from './question-editor';

const noProblems: ReadonlyMap<string, string> = new Map();

/**
 * Writes a new assessment or a new version of an existing one: its sections and their questions
 * (each in a question editor) and the passing score. The server validates; its problems appear next to each field.
 * Also imports an assessment from a JSON file and exports one (docs/assessment-format.md).
 */
@Component({
  selector: 'app-assessment-editor',
  imports: [ReactiveFormsModule, FormError, QuestionEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-editor.html',
})
export class AssessmentEditor {
  private readonly api = inject(AssessmentsApi);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Existing assessments, for editing and export. */
  readonly assessments = input<AssessmentView[]>([]);
  /** A new assessment, a new version, or an import. */
  readonly created = output<AssessmentView>();

  protected readonly form = newAssessmentForm(this.fb);
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly lastCreated = signal<AssessmentView | null>(null);
  /** The assessment being edited; null while writing a new one. */
  protected readonly editing = signal<AssessmentView | null>(null);
  protected readonly picked = signal('');
  protected readonly toolError = signal<DisplayedError | null>(null);
  protected readonly toolNotice = signal('');

  /** Server problems by field path (without the leading "assessment."), for messages next to each field. */
  private readonly problems = computed(() => {
    const byPath = new Map<string, string>();
    for (const line of this.error()?.details ?? []) {
      const [, path, message] = /^(?:assessment\.)?([^:]+): (.*)$/s.exec(line) ?? [];
      if (path !== undefined && message !== undefined && !byPath.has(path)) byPath.set(path, message);
    }
    return byPath;
  });

  /** The same problems grouped by question path, by field within it, so each question editor gets its own. */
  private readonly questionProblems = computed(() => {
    const byQuestion = new Map<string, Map<string, string>>();
    for (const [path, message] of this.problems()) {
      const [, question, field] = /^(sections\.\d+\.questions\.\d+)\.(.+)$/s.exec(path) ?? [];
      if (question === undefined || field === undefined) continue;
      const fields = byQuestion.get(question) ?? new Map<string, string>();
      fields.set(field, message);
      byQuestion.set(question, fields);
    }
    return byQuestion;
  });

  protected get sections() {
    return this.form.controls.sections;
  }

  protected problem(path: string): string | null {
    return this.problems().get(path) ?? null;
  }

  /** One question's problems by field: the same map until the problems change, so its editor's input changes only then. */
  protected problemsOf(sectionIndex: number, questionIndex: number): ReadonlyMap<string, string> {
    return this.questionProblems().get(`sections.${sectionIndex}.questions.${questionIndex}`) ?? noProblems;
  }

  /** Question test ids run across sections, so the first section's questions keep question-0, question-1, … */
  protected globalIndex(sectionIndex: number, questionIndex: number): number {
    let index = questionIndex;
    for (let s = 0; s < sectionIndex; s++) index += this.sections.at(s).controls.questions.length;
    return index;
  }

  protected addSection(): void {
    this.sections.push(newSectionForm(this.fb, this.sections.length + 1));
  }

  protected removeSection(index: number): void {
    this.sections.removeAt(index);
  }

  protected addQuestion(section: SectionForm = this.sections.at(this.sections.length - 1)): void {
    section.controls.questions.push(newQuestionForm(this.fb));
  }

  protected removeQuestion(section: SectionForm, index: number): void {
    section.controls.questions.removeAt(index);
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const body = toCreateAssessmentBody(this.form);
      const editing = this.editing();
      const saved = editing ? await this.api.update(editing.id, body) : await this.api.create(body);
      this.lastCreated.set(saved);
      this.created.emit(saved);
      this.startNewDraft();
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Loads the current version (answer keys included) into the form; saving adds a new version. */
  protected async edit(): Promise<void> {
    const id = this.picked();
    if (!id) return;
    await this.tool(async () => {
      const detail = await this.api.get(id);
      fillAssessmentForm(this.fb, this.form, { ...detail, description: detail.description ?? undefined });
      this.editing.set(detail);
      this.error.set(null);
      this.lastCreated.set(null);
    });
  }

  protected async export(): Promise<void> {
    const id = this.picked();
    if (!id) return;
    await this.tool(async () => {
      const document = await this.api.exportDocument(id);
      const name =
        document.title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'assessment';
      saveBlob(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }), `${name}.json`);
      this.toolNotice.set(`Exported “${document.title}”.`);
    });
  }

  /** Reads the chosen file and sends it as it is; the server lists every problem by its path in the file. */
  protected async import(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    await this.tool(async () => {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not a JSON file: export an assessment to see the format.`);
      }
      const imported = await this.api.importDocument(document);
      this.toolNotice.set(
        `Imported “${imported.title}” with ${imported.questionCount} ${imported.questionCount === 1 ? 'question' : 'questions'}.`,
      );
      this.created.emit(imported);
    });
    input.value = '';
  }

  protected cancelEdit(): void {
    this.startNewDraft();
  }

  private async tool(task: () => Promise<void>): Promise<void> {
    this.toolError.set(null);
    this.toolNotice.set('');
    try {
      await task();
    } catch (error) {
      this.toolError.set(toDisplayedError(error));
    }
  }

  /** Back to one section with one empty question of two options, so the next assessment inherits nothing. */
  private startNewDraft(): void {
    this.editing.set(null);
    this.sections.clear();
    this.sections.push(newSectionForm(this.fb, 1));
    this.form.reset();
  }
}
