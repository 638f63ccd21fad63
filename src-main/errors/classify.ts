import { FerryError, isFerryError } from './ferryError.ts';
import { classifyStsError } from '../credentials/classifyStsError.ts';
import { classifyOssError } from '../oss/classifyError.ts';
import { classifyProxyError } from '../network/proxyFailure.ts';

type Classifier = (error: unknown) => FerryError | undefined;

/**
 * The capabilities that read raw failures (STS JSON errors, ali-oss and socket errors); the first that
 * recognises the error wins. The proxy's first (a proxy failure may sit inside any of the others), then
 * STS: its errors are specific classes.
 */
const classifiers: readonly Classifier[] = [classifyProxyError, classifyStsError, classifyOssError];

/** Turns anything thrown into a FerryError with a catalog code. Never copies raw server text. */
export function classifyError(error: unknown): FerryError {
  if (isFerryError(error)) return error;
  for (const classify of classifiers) {
    const found = classify(error);
    if (found) return found;
  }
  return new FerryError('app.unexpected', {}, { cause: error });
}
