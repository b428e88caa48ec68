import { Directive, ElementRef, inject, OnDestroy, OnInit, output } from '@angular/core';

/**
 * Emits once when the element is actually on screen (at least half visible): "shown", for read
 * receipts. Without IntersectionObserver (old browsers, unit tests) nothing is marked read by sight.
 */
@Directive({ selector: '[appSeen]' })
export class Seen implements OnInit, OnDestroy {
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);
  private observer: IntersectionObserver | null = null;

  readonly appSeen = output<void>();

  ngOnInit(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.appSeen.emit();
        this.observer?.disconnect();
      },
      { threshold: 0.5 },
    );
    this.observer.observe(this.element.nativeElement);
  }

  ngOnDestroy(): void {
    this.observer?.disconnect();
  }
}
