import { ChangeDetectionStrategy, Component, effect, inject, input, OnDestroy, signal } from '@angular/core';
import { SecurityReviewApi } from './security-review-api';

/**
 * An image behind the API's authentication: fetched with the token as a blob and shown through an
 * object URL, released when the image changes or leaves the page.
 */
@Component({
  selector: 'app-authorized-image',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (src(); as url) {
      <img [src]="url" [alt]="alt()" [attr.data-testid]="testId()" />
    } @else if (failed()) {
      <p class="muted" role="status">The image could not be loaded.</p>
    } @else {
      <p class="muted" role="status">Loading image…</p>
    }
  `,
})
export class AuthorizedImage implements OnDestroy {
  private readonly api = inject(SecurityReviewApi);
  private loads = 0;

  readonly url = input.required<string>();
  readonly alt = input.required<string>();
  /** Changes when the image behind the same URL changes (e.g. new identity photos). */
  readonly version = input<string | null>(null);
  readonly testId = input<string | null>(null);

  protected readonly src = signal<string | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    effect(() => {
      this.version();
      void this.load(this.url());
    });
  }

  ngOnDestroy(): void {
    this.loads++;
    this.release();
  }

  private async load(url: string): Promise<void> {
    const load = ++this.loads;
    this.failed.set(false);
    try {
      const blob = await this.api.image(url);
      // A newer load (or the end of the component) makes this one obsolete.
      if (load !== this.loads) return;
      this.release();
      this.src.set(URL.createObjectURL(blob));
    } catch {
      if (load === this.loads) this.failed.set(true);
    }
  }

  private release(): void {
    const current = this.src();
    if (current) URL.revokeObjectURL(current);
    this.src.set(null);
  }
}
