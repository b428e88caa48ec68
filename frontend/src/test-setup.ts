// The contract classes use class-transformer decorators, which read decorator metadata at load time.
import 'reflect-metadata';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();
