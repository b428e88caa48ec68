// First: the contract classes' class-transformer decorators read decorator metadata when they load.
import 'reflect-metadata';
import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
