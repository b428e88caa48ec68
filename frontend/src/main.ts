import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

// reflect-metadata is loaded as a polyfill (project.json), not imported here: the contract classes'
// class-transformer decorators call Reflect.getMetadata while their chunk loads, and esbuild may
// evaluate that shared chunk before any import at the top of this file.
bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
